using Microsoft.Data.Sqlite;
using PushTokenService.Infrastructure.Persistence.Errors;

namespace PushTokenService.Infrastructure.Persistence.Sqlite;

/// <summary>SQLite result codes (https://sqlite.org/rescode.html) as the codes of API.md section 6.</summary>
public sealed class SqliteErrorClassifier : IDatabaseErrorClassifier
{
    private const int SqliteError = 1;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteTooBig = 18;
    private const int SqliteConstraint = 19;
    private const int SqliteMismatch = 20;
    private const int SqliteNotADb = 26;

    private const int ConstraintNotNull = 1299;
    private const int ConstraintForeignKey = 787;
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    public DatabaseError? Classify(Exception exception)
    {
        if (exception is not SqliteException sqlite)
        {
            return null;
        }

        var provider = $"SQLite {sqlite.SqliteErrorCode}/{sqlite.SqliteExtendedErrorCode}";
        var code = sqlite.SqliteErrorCode switch
        {
            SqliteBusy or SqliteLocked => DatabaseErrorCodes.Busy,
            SqliteCantOpen => DatabaseErrorCodes.CannotConnect,
            SqliteConstraint => sqlite.SqliteExtendedErrorCode switch
            {
                ConstraintUnique or ConstraintPrimaryKey => DatabaseErrorCodes.UniqueViolation,
                ConstraintForeignKey => DatabaseErrorCodes.ForeignKey,
                ConstraintNotNull => DatabaseErrorCodes.NotNull,
                _ => DatabaseErrorCodes.Integrity,
            },
            SqliteTooBig => DatabaseErrorCodes.ValueTooLong,
            SqliteMismatch => DatabaseErrorCodes.Integrity,
            SqliteError when IsSchemaError(sqlite.Message) => DatabaseErrorCodes.SchemaMissing,
            SqliteError => DatabaseErrorCodes.InvalidStatement,
            SqliteReadOnly or SqliteIoError or SqliteCorrupt or SqliteFull or SqliteNotADb => DatabaseErrorCodes.Storage,
            _ => DatabaseErrorCodes.Other,
        };
        return new DatabaseError(code, provider);
    }

    private static bool IsSchemaError(string message) =>
        message.Contains("no such table", StringComparison.OrdinalIgnoreCase)
        || message.Contains("no such column", StringComparison.OrdinalIgnoreCase)
        || message.Contains("has no column named", StringComparison.OrdinalIgnoreCase);
}
