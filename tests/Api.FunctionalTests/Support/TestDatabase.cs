using Microsoft.Data.Sqlite;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>
/// A test host's SQLite file: where it lives, the contract's configuration keys (API.md section 9) that point at it,
/// and the file read and written directly, as another process would, not through the service.
/// </summary>
public static class TestDatabase
{
    public static string NewPath() => Path.Combine(Path.GetTempPath(), "pushtokens-tests", $"{Guid.NewGuid():N}", "pushtokens.db");

    /// <summary>The host's settings: the database, rate limits raised for tests that register many users, then <paramref name="overrides"/>.</summary>
    public static Dictionary<string, string?> Settings(string path, IDictionary<string, string?>? overrides, string connectionOptions = "")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={path}{connectionOptions}",
            ["RateLimits:RegisterPerMinute"] = "100000",
            ["RateLimits:LoginPerMinute"] = "100000",
            ["RateLimits:RequestsPerSessionPerMinute"] = "0",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Deletes the database file and its folder.</summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A connection of the test's own to the host's database file.</summary>
    public static SqliteConnection OpenDatabase(this PushTokenApiFactory factory)
    {
        var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Runs one SQL statement on the host's database file; returns the rows it changed.</summary>
    public static int Execute(this PushTokenApiFactory factory, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = factory.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    /// <summary>
    /// Deletes every user, session and record. Ids are never reused (AUTOINCREMENT), so what the host keeps in memory
    /// for an old id is never served to a new user; session tokens from before are gone.
    /// </summary>
    public static void DeleteAllRows(this PushTokenApiFactory factory) =>
        factory.Execute("DELETE FROM push_tokens; DELETE FROM sessions; DELETE FROM users;");

    /// <summary>How many records hold each of the given push tokens.</summary>
    public static Dictionary<string, long> CountRecords(this PushTokenApiFactory factory, IEnumerable<string> pushTokens)
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
    public static IDisposable HoldWriteLock(this PushTokenApiFactory factory)
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
