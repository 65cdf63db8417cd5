using Microsoft.Data.Sqlite;

namespace PushTokenService.Api.FunctionalTests.Hardening.Support;

/// <summary>The service's SQLite file read directly, not through the service.</summary>
public static class DatabaseFile
{
    /// <summary>How many records hold each of the given push tokens.</summary>
    public static Dictionary<string, long> CountRecords(this HardeningFactory factory, IEnumerable<string> pushTokens)
    {
        using var connection = factory.OpenDatabase();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pushToken in pushTokens)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM push_tokens WHERE push_token = $pushToken";
            command.Parameters.AddWithValue("$pushToken", pushToken);
            counts[pushToken] = (long)command.ExecuteScalar()!;
        }

        return counts;
    }

    /// <summary>Holds SQLite's write lock on the file, as another process would, until disposed.</summary>
    public static IDisposable HoldWriteLock(this HardeningFactory factory)
    {
        var connection = factory.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE;";
        command.ExecuteNonQuery();
        return new WriteLock(connection);
    }

    private sealed class WriteLock(SqliteConnection connection) : IDisposable
    {
        public void Dispose()
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "ROLLBACK;";
                command.ExecuteNonQuery();
            }

            connection.Dispose();
        }
    }
}
