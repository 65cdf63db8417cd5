using Microsoft.Data.SqlClient;
using PushTokenService.Infrastructure.Persistence.Errors;

namespace PushTokenService.Infrastructure.Persistence.SqlServer;

/// <summary>
/// SQL Server error numbers (SqlException.Number, the first error's) as the codes of API.md section 6.
/// Azure SQL's transient numbers (the service is reconfiguring, busy or throttling) are read as 10001, database unavailable.
/// </summary>
public sealed class SqlServerErrorClassifier : IDatabaseErrorClassifier
{
    private const int Timeout = -2;
    private const int ClientSideError = 0;
    private const byte FatalSeverity = 20;

    public DatabaseError? Classify(Exception exception) => exception switch
    {
        SqlException sql when sql.Number == Timeout && IsConnectTimeout(sql.Message) =>
            new DatabaseError(DatabaseErrorCodes.CannotConnect, "SQL Server -2 (connect)"),
        SqlException sql => new DatabaseError(CodeOf(sql.Number, sql.Class, sql.Message), $"SQL Server {sql.Number}", IsTimeout: sql.Number == Timeout),
        InvalidOperationException when IsPoolTimeout(exception.Message) =>
            new DatabaseError(DatabaseErrorCodes.PoolExhausted, "SqlClient pool timeout"),
        _ => null,
    };

    private static int CodeOf(int number, byte severity, string message) => number switch
    {
        // SqlClient's own network errors: number 0 at a fatal severity on Linux and macOS, socket numbers on Windows.
        ClientSideError when severity >= FatalSeverity => DatabaseErrorCodes.CannotConnect,
        233 or 10053 or 10054 or 10060 or 10061 or 64 or -1 or 53 or 121 or 11001 => DatabaseErrorCodes.CannotConnect,
        // Login, database and Azure SQL availability.
        18456 or 4060 => DatabaseErrorCodes.CannotConnect,
        40197 or 40501 or 40613 or 49918 or 49919 or 49920 or 10928 or 10929 => DatabaseErrorCodes.CannotConnect,
        Timeout => DatabaseErrorCodes.Timeout,
        1205 or 1222 => DatabaseErrorCodes.Busy,
        2627 or 2601 => DatabaseErrorCodes.UniqueViolation,
        547 when message.Contains("CHECK constraint", StringComparison.OrdinalIgnoreCase) => DatabaseErrorCodes.Integrity,
        547 => DatabaseErrorCodes.ForeignKey,
        2628 or 8152 => DatabaseErrorCodes.ValueTooLong,
        515 => DatabaseErrorCodes.NotNull,
        208 or 207 or 2812 => DatabaseErrorCodes.SchemaMissing,
        102 or 105 or 137 or 156 or 201 or 8144 or 8178 => DatabaseErrorCodes.InvalidStatement,
        1101 or 1105 or 9002 or 3906 or 823 or 824 => DatabaseErrorCodes.Storage,
        _ => DatabaseErrorCodes.Other,
    };

    // A login that timed out ran no command, so unlike a command timeout (also -2) it is safe to retry, also for writes.
    private static bool IsConnectTimeout(string message) =>
        message.StartsWith("Connection Timeout Expired", StringComparison.OrdinalIgnoreCase);

    // SqlClient reports an exhausted pool as an InvalidOperationException, not a SqlException.
    private static bool IsPoolTimeout(string message) =>
        message.Contains("obtaining a connection from the pool", StringComparison.OrdinalIgnoreCase);
}
