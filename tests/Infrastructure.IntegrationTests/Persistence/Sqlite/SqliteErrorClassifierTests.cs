using Microsoft.Data.Sqlite;
using PushTokenService.Infrastructure.Persistence.Errors;
using PushTokenService.Infrastructure.Persistence.Sqlite;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.Sqlite;

/// <summary>API.md section 6 for SQLite: one case per result code (https://sqlite.org/rescode.html), on real SqliteExceptions.</summary>
public sealed class SqliteErrorClassifierTests
{
    private readonly SqliteErrorClassifier _classifier = new();

    [TestCase(5, 5, "database is locked", DatabaseErrorCodes.Busy, TestName = "SQLITE_BUSY is 10003")]
    [TestCase(5, 517, "database is locked", DatabaseErrorCodes.Busy, TestName = "SQLITE_BUSY_SNAPSHOT is 10003")]
    [TestCase(6, 6, "database table is locked", DatabaseErrorCodes.Busy, TestName = "SQLITE_LOCKED is 10003")]
    [TestCase(14, 14, "unable to open database file", DatabaseErrorCodes.CannotConnect, TestName = "SQLITE_CANTOPEN is 10001")]
    [TestCase(19, 2067, "UNIQUE constraint failed: users.username", DatabaseErrorCodes.UniqueViolation, TestName = "SQLITE_CONSTRAINT_UNIQUE is 20001")]
    [TestCase(19, 1555, "UNIQUE constraint failed: users.id", DatabaseErrorCodes.UniqueViolation, TestName = "SQLITE_CONSTRAINT_PRIMARYKEY is 20001")]
    [TestCase(19, 787, "FOREIGN KEY constraint failed", DatabaseErrorCodes.ForeignKey, TestName = "SQLITE_CONSTRAINT_FOREIGNKEY is 20002")]
    [TestCase(18, 18, "string or blob too big", DatabaseErrorCodes.ValueTooLong, TestName = "SQLITE_TOOBIG is 20003")]
    [TestCase(19, 1299, "NOT NULL constraint failed: users.username", DatabaseErrorCodes.NotNull, TestName = "SQLITE_CONSTRAINT_NOTNULL is 20004")]
    [TestCase(19, 275, "CHECK constraint failed: kind", DatabaseErrorCodes.Integrity, TestName = "SQLITE_CONSTRAINT_CHECK is 20099")]
    [TestCase(20, 20, "datatype mismatch", DatabaseErrorCodes.Integrity, TestName = "SQLITE_MISMATCH is 20099")]
    [TestCase(1, 1, "no such table: push_tokens", DatabaseErrorCodes.SchemaMissing, TestName = "SQLITE_ERROR no such table is 30001")]
    [TestCase(1, 1, "no such column: os_token", DatabaseErrorCodes.SchemaMissing, TestName = "SQLITE_ERROR no such column is 30001")]
    [TestCase(1, 1, "table push_tokens has no column named os", DatabaseErrorCodes.SchemaMissing, TestName = "SQLITE_ERROR has no column named is 30001")]
    [TestCase(1, 1, "near \"SELEC\": syntax error", DatabaseErrorCodes.InvalidStatement, TestName = "SQLITE_ERROR syntax error is 30002")]
    [TestCase(8, 8, "attempt to write a readonly database", DatabaseErrorCodes.Storage, TestName = "SQLITE_READONLY is 30003")]
    [TestCase(10, 10, "disk I/O error", DatabaseErrorCodes.Storage, TestName = "SQLITE_IOERR is 30003")]
    [TestCase(11, 11, "database disk image is malformed", DatabaseErrorCodes.Storage, TestName = "SQLITE_CORRUPT is 30003")]
    [TestCase(13, 13, "database or disk is full", DatabaseErrorCodes.Storage, TestName = "SQLITE_FULL is 30003")]
    [TestCase(26, 26, "file is not a database", DatabaseErrorCodes.Storage, TestName = "SQLITE_NOTADB is 30003")]
    [TestCase(21, 21, "bad parameter or other API misuse", DatabaseErrorCodes.Other, TestName = "Any other result code is 30099")]
    public void Result_code_maps_to_its_code(int errorCode, int extendedErrorCode, string message, int code)
    {
        var error = _classifier.Classify(new SqliteException(message, errorCode, extendedErrorCode));

        Assert.That(error, Is.EqualTo(new DatabaseError(code, $"SQLite {errorCode}/{extendedErrorCode}")));
    }

    [Test]
    public void Exceptions_that_are_not_the_databases_are_not_classified()
    {
        Assert.That(_classifier.Classify(new InvalidOperationException("not SQLite")), Is.Null);
    }
}
