using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Infrastructure.IntegrationTests.Support;
using PushTokenService.Infrastructure.Persistence.Errors;
using PushTokenService.Infrastructure.Persistence.Execution;
using PushTokenService.Infrastructure.Persistence.SqlServer;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.Execution;

/// <summary>
/// Retries and error mapping of API.md section 6 through <see cref="DatabaseExecutor"/>, with SQL Server's classifier
/// reading real SqlExceptions thrown by the work (or by opening) on an in-memory connection.
/// </summary>
public sealed class DatabaseExecutorTests
{
    private const int Attempts = 4;

    private FakeConnections _connections = null!;
    private LogCapture _log = null!;
    private DatabaseExecutor _executor = null!;

    [SetUp]
    public void CreateExecutor()
    {
        _connections = new FakeConnections();
        _log = new LogCapture();
        _executor = new DatabaseExecutor(_connections, new SqlServerErrorClassifier(), _log.For<DatabaseExecutor>());
    }

    [Test]
    public async Task A_deadlock_in_a_write_is_retried_then_surfaces_as_10003()
    {
        var runs = 0;

        var error = await Assert.ThrowsAsync<DatabaseException>(() =>
            _executor.WriteAsync<int>((_, _) => { runs++; throw SqlExceptions.Create(1205); }, CancellationToken.None));

        Assert.That((error!.Code, error.ProviderError, runs), Is.EqualTo((DatabaseErrorCodes.Busy, "SQL Server 1205", Attempts)));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(error.InnerException, Is.InstanceOf<SqlException>());
    }

    [Test]
    public async Task A_transient_error_that_clears_is_retried_and_the_work_succeeds()
    {
        var runs = 0;

        var result = await _executor.WriteAsync((_, _) => ++runs < 3 ? throw SqlExceptions.Create(1205) : Task.FromResult(42), CancellationToken.None);

        Assert.That((result, runs), Is.EqualTo((42, 3)));
    }

    [Test]
    public async Task A_write_timeout_is_not_retried_because_it_may_have_been_committed()
    {
        var runs = 0;

        var error = await Assert.ThrowsAsync<DatabaseException>(() =>
            _executor.WriteAsync<int>((_, _) => { runs++; throw SqlExceptions.Create(-2); }, CancellationToken.None));

        Assert.That((error!.Code, runs), Is.EqualTo((DatabaseErrorCodes.Timeout, 1)));
    }

    [Test]
    public async Task A_read_timeout_is_retried()
    {
        var runs = 0;

        var error = await Assert.ThrowsAsync<DatabaseException>(() =>
            _executor.ReadAsync<int>((_, _) => { runs++; throw SqlExceptions.Create(-2); }, CancellationToken.None));

        Assert.That((error!.Code, runs), Is.EqualTo((DatabaseErrorCodes.Timeout, Attempts)));
    }

    [Test]
    public async Task A_non_transient_error_is_not_retried()
    {
        var runs = 0;

        var error = await Assert.ThrowsAsync<DatabaseException>(() =>
            _executor.WriteAsync<int>((_, _) => { runs++; throw SqlExceptions.Create(2627); }, CancellationToken.None));

        Assert.That((error!.Code, runs), Is.EqualTo((DatabaseErrorCodes.UniqueViolation, 1)));
    }

    [Test]
    public async Task An_error_the_caller_answers_as_a_conflict_is_logged_below_error_and_without_a_stack_trace()
    {
        var error = await Assert.ThrowsAsync<DatabaseException>(() => _executor.WriteAsync<int>(
            (_, _) => throw SqlExceptions.Create(2627), DatabaseErrorCodes.UniqueViolation, CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo(DatabaseErrorCodes.UniqueViolation));
        Assert.That(_log.Entries, Has.None.Matches<LogEntry>(e => e!.Level >= LogLevel.Warning || e.Exception is not null));
    }

    [Test]
    public async Task A_database_error_the_caller_does_not_expect_is_logged_at_error_with_its_exception()
    {
        await Assert.ThrowsAsync<DatabaseException>(() => _executor.WriteAsync<int>(
            (_, _) => throw SqlExceptions.Create(208), DatabaseErrorCodes.UniqueViolation, CancellationToken.None));

        var entry = _log.Entries.Single();
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(entry.Exception, Is.InstanceOf<SqlException>());
    }

    [Test]
    public async Task A_write_that_cannot_connect_is_retried_then_surfaces_as_10001()
    {
        _connections.OpenFailure = SqlExceptions.Create(-2, "Connection Timeout Expired.  The timeout period elapsed during the post-login phase.");

        var error = await Assert.ThrowsAsync<DatabaseException>(() => _executor.WriteAsync((_, _) => Task.FromResult(1), CancellationToken.None));

        Assert.That((error!.Code, _connections.Opened), Is.EqualTo((DatabaseErrorCodes.CannotConnect, Attempts)));
    }

    [Test]
    public async Task An_exhausted_pool_when_opening_is_retried_then_surfaces_as_10051()
    {
        _connections.OpenFailure = new InvalidOperationException(
            "Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.");

        var error = await Assert.ThrowsAsync<DatabaseException>(() => _executor.ReadAsync((_, _) => Task.FromResult(1), CancellationToken.None));

        Assert.That((error!.Code, _connections.Opened), Is.EqualTo((DatabaseErrorCodes.PoolExhausted, Attempts)));
    }

    [Test]
    public async Task An_exception_that_is_not_the_databases_passes_through_untouched()
    {
        var runs = 0;

        await Assert.ThrowsAsync<ArgumentException>(() =>
            _executor.WriteAsync<int>((_, _) => { runs++; throw new ArgumentException("a bug"); }, CancellationToken.None));

        Assert.That(runs, Is.EqualTo(1));
    }

    /// <summary>In-memory SQLite connections, or a chosen failure when opening.</summary>
    private sealed class FakeConnections : IDbConnectionFactory
    {
        public Exception? OpenFailure { get; set; }

        public int Opened { get; private set; }

        public bool SingleWriter => false;

        public int StringParameterSize => 0;

        public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
        {
            Opened++;
            if (OpenFailure is not null)
            {
                throw OpenFailure;
            }

            var connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync(cancellationToken);
            return connection;
        }

        public async ValueTask<DbLease> RentAsync(CancellationToken cancellationToken) =>
            new(await OpenAsync(cancellationToken), this, owner: null);

        public DbCommand CreateCommand(DbConnection connection, string sql) => connection.CommandFor(sql);
    }
}
