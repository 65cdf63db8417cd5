using Microsoft.Data.Sqlite;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>A SQLite file of a test host's own, and the contract's configuration keys (API.md section 9) that point at it.</summary>
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
}
