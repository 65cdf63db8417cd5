using PushTokenService.Infrastructure.IntegrationTests.Support;
using PushTokenService.Infrastructure.Persistence.Errors;
using PushTokenService.Infrastructure.Persistence.SqlServer;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.SqlServer;

/// <summary>API.md section 6 for SQL Server: one case per provider number, on real SqlExceptions.</summary>
public sealed class SqlServerErrorClassifierTests
{
    private readonly SqlServerErrorClassifier _classifier = new();

    [TestCase(18456, DatabaseErrorCodes.CannotConnect, TestName = "18456 login failed is 10001")]
    [TestCase(4060, DatabaseErrorCodes.CannotConnect, TestName = "4060 cannot open database is 10001")]
    [TestCase(233, DatabaseErrorCodes.CannotConnect, TestName = "233 no process on the pipe is 10001")]
    [TestCase(10053, DatabaseErrorCodes.CannotConnect, TestName = "10053 connection aborted is 10001")]
    [TestCase(10054, DatabaseErrorCodes.CannotConnect, TestName = "10054 connection reset is 10001")]
    [TestCase(10060, DatabaseErrorCodes.CannotConnect, TestName = "10060 connect timed out is 10001")]
    [TestCase(10061, DatabaseErrorCodes.CannotConnect, TestName = "10061 connection refused is 10001")]
    [TestCase(64, DatabaseErrorCodes.CannotConnect, TestName = "64 network name no longer available is 10001")]
    [TestCase(-1, DatabaseErrorCodes.CannotConnect, TestName = "-1 network error while connecting is 10001")]
    [TestCase(53, DatabaseErrorCodes.CannotConnect, TestName = "53 network path not found is 10001")]
    [TestCase(121, DatabaseErrorCodes.CannotConnect, TestName = "121 semaphore timeout is 10001")]
    [TestCase(11001, DatabaseErrorCodes.CannotConnect, TestName = "11001 host not found is 10001")]
    [TestCase(40197, DatabaseErrorCodes.CannotConnect, TestName = "Azure 40197 service error is 10001")]
    [TestCase(40501, DatabaseErrorCodes.CannotConnect, TestName = "Azure 40501 service busy is 10001")]
    [TestCase(40613, DatabaseErrorCodes.CannotConnect, TestName = "Azure 40613 database unavailable is 10001")]
    [TestCase(49918, DatabaseErrorCodes.CannotConnect, TestName = "Azure 49918 cannot process request is 10001")]
    [TestCase(49919, DatabaseErrorCodes.CannotConnect, TestName = "Azure 49919 too many create or update operations is 10001")]
    [TestCase(49920, DatabaseErrorCodes.CannotConnect, TestName = "Azure 49920 too many operations is 10001")]
    [TestCase(10928, DatabaseErrorCodes.CannotConnect, TestName = "Azure 10928 resource limit is 10001")]
    [TestCase(10929, DatabaseErrorCodes.CannotConnect, TestName = "Azure 10929 minimum guarantee is 10001")]
    [TestCase(1205, DatabaseErrorCodes.Busy, TestName = "1205 deadlock victim is 10003")]
    [TestCase(1222, DatabaseErrorCodes.Busy, TestName = "1222 lock request timeout is 10003")]
    [TestCase(2627, DatabaseErrorCodes.UniqueViolation, TestName = "2627 unique constraint is 20001")]
    [TestCase(2601, DatabaseErrorCodes.UniqueViolation, TestName = "2601 unique index is 20001")]
    [TestCase(547, DatabaseErrorCodes.ForeignKey, TestName = "547 foreign key conflict is 20002")]
    [TestCase(2628, DatabaseErrorCodes.ValueTooLong, TestName = "2628 string would be truncated is 20003")]
    [TestCase(8152, DatabaseErrorCodes.ValueTooLong, TestName = "8152 string would be truncated is 20003")]
    [TestCase(515, DatabaseErrorCodes.NotNull, TestName = "515 null into a not-null column is 20004")]
    [TestCase(208, DatabaseErrorCodes.SchemaMissing, TestName = "208 invalid object name is 30001")]
    [TestCase(207, DatabaseErrorCodes.SchemaMissing, TestName = "207 invalid column name is 30001")]
    [TestCase(2812, DatabaseErrorCodes.SchemaMissing, TestName = "2812 stored procedure not found is 30001")]
    [TestCase(102, DatabaseErrorCodes.InvalidStatement, TestName = "102 incorrect syntax is 30002")]
    [TestCase(105, DatabaseErrorCodes.InvalidStatement, TestName = "105 unclosed quotation mark is 30002")]
    [TestCase(137, DatabaseErrorCodes.InvalidStatement, TestName = "137 undeclared variable is 30002")]
    [TestCase(156, DatabaseErrorCodes.InvalidStatement, TestName = "156 incorrect syntax near keyword is 30002")]
    [TestCase(201, DatabaseErrorCodes.InvalidStatement, TestName = "201 missing procedure parameter is 30002")]
    [TestCase(8144, DatabaseErrorCodes.InvalidStatement, TestName = "8144 too many arguments is 30002")]
    [TestCase(8178, DatabaseErrorCodes.InvalidStatement, TestName = "8178 parameter not supplied is 30002")]
    [TestCase(1101, DatabaseErrorCodes.Storage, TestName = "1101 no pages left in filegroup is 30003")]
    [TestCase(1105, DatabaseErrorCodes.Storage, TestName = "1105 filegroup full is 30003")]
    [TestCase(9002, DatabaseErrorCodes.Storage, TestName = "9002 transaction log full is 30003")]
    [TestCase(3906, DatabaseErrorCodes.Storage, TestName = "3906 database read-only is 30003")]
    [TestCase(823, DatabaseErrorCodes.Storage, TestName = "823 operating system I-O error is 30003")]
    [TestCase(824, DatabaseErrorCodes.Storage, TestName = "824 logical consistency error is 30003")]
    [TestCase(50000, DatabaseErrorCodes.Other, TestName = "Any other number is 30099")]
    public void Error_number_maps_to_its_code(int number, int code)
    {
        var error = _classifier.Classify(SqlExceptions.Create(number));

        Assert.That(error, Is.EqualTo(new DatabaseError(code, $"SQL Server {number}")));
    }

    [Test]
    public void A_network_error_raised_by_sqlclient_itself_is_10001()
    {
        // What Linux's SqlClient throws for a refused connection or a broken pre-login handshake.
        var exception = SqlExceptions.Create(0, "A network-related or instance-specific error occurred while establishing a connection to SQL Server.", severity: 20);

        Assert.That(_classifier.Classify(exception), Is.EqualTo(new DatabaseError(DatabaseErrorCodes.CannotConnect, "SQL Server 0")));
    }

    [Test]
    public void A_client_error_of_number_0_below_fatal_severity_is_30099()
    {
        Assert.That(_classifier.Classify(SqlExceptions.Create(0, "something else", severity: 16))!.Code, Is.EqualTo(DatabaseErrorCodes.Other));
    }

    [Test]
    public void A_login_that_timed_out_is_10001_and_not_a_command_timeout()
    {
        var exception = SqlExceptions.Create(-2, "Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.", severity: 11);

        Assert.That(_classifier.Classify(exception), Is.EqualTo(new DatabaseError(DatabaseErrorCodes.CannotConnect, "SQL Server -2 (connect)")));
    }

    [Test]
    public void A_check_constraint_conflict_is_20099_like_sqlite()
    {
        var exception = SqlExceptions.Create(547, "The INSERT statement conflicted with the CHECK constraint \"ck_push_tokens_kind\".");

        Assert.That(_classifier.Classify(exception)!.Code, Is.EqualTo(DatabaseErrorCodes.Integrity));
    }

    [Test]
    public void A_command_timeout_is_10002_and_marked_as_a_timeout()
    {
        var error = _classifier.Classify(SqlExceptions.Create(-2, "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding."));

        Assert.That(error, Is.EqualTo(new DatabaseError(DatabaseErrorCodes.Timeout, "SQL Server -2", IsTimeout: true)));
        Assert.That(error!.IsTransient, Is.True);
    }

    [Test]
    public void An_exhausted_connection_pool_is_10051()
    {
        var exception = new InvalidOperationException(
            "Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  " +
            "This may have occurred because all pooled connections were in use and max pool size was reached.");

        Assert.That(_classifier.Classify(exception)!.Code, Is.EqualTo(DatabaseErrorCodes.PoolExhausted));
    }

    [Test]
    public void Exceptions_that_are_not_the_databases_are_not_classified()
    {
        Assert.That(_classifier.Classify(new InvalidOperationException("A push token removed in this transaction is taken again.")), Is.Null);
        Assert.That(_classifier.Classify(new TimeoutException()), Is.Null);
    }
}
