using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Infrastructure.Persistence;
using PushTokenService.Infrastructure.Persistence.Repositories;
using PushTokenService.Infrastructure.Persistence.Sqlite;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.Sqlite;

/// <summary>
/// On the migrated SQLite schema, every statement that looks records up by a key finds them through an index, not by
/// reading the whole table: the migrations that drop indexes (0003) must leave each lookup one that serves it.
/// </summary>
public sealed class SqliteQueryPlanTests
{
    private static readonly SqliteDialect Dialect = new();

    private string _folder = null!;
    private SqliteConnection _connection = null!;

    public static IEnumerable<TestCaseData> Lookups()
    {
        yield return Case("the holder of a token", Dialect.FindPushTokenHolder);
        yield return Case("the caller's record for update", Dialect.SelectOwnedPushTokenForUpdate);
        yield return Case("the eviction past the cap", Dialect.EvictBeyondCap);
        yield return Case("the count in the insert", Dialect.InsertPushTokenIfAbsent);
        yield return Case("a user's list", Constant(typeof(PushTokenRepository), "SelectOwnedOfKind"));
        yield return Case("the delete of an owned record", Constant(typeof(PushTokenRepository), "DeleteOwned"));
        yield return Case("the records of a logged-out session", Constant(typeof(SessionRepository), "DeletePushTokensOfSession"));
        yield return Case("the invalidation by push token alone", AdminTokenRepository.InvalidationStatement(
            new PushTokenInvalidation(TokenKind.Ring, "token", null, null, null, null)));
        yield return Case("the invalidation by push token and bundle", AdminTokenRepository.InvalidationStatement(
            new PushTokenInvalidation(TokenKind.Ring, "token", null, "com.lancens.app", null, null)));
    }

    [SetUp]
    public async Task MigrateANewDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("pushtokens-plan").FullName;
        var connectionString = $"Data Source={Path.Combine(_folder, "plan.db")}";
        new DatabaseMigrator(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString }, NullLogger<DatabaseMigrator>.Instance)
            .Migrate();
        _connection = new SqliteConnection(connectionString);
        await _connection.OpenAsync();
    }

    [TearDown]
    public async Task DeleteDatabase()
    {
        await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [TestCaseSource(nameof(Lookups))]
    public async Task A_lookup_uses_an_index(string sql)
    {
        var plan = await PlanAsync(sql);

        Assert.Multiple(() =>
        {
            Assert.That(plan, Has.Some.Contains("push_tokens USING"), "push_tokens is searched by an index");
            Assert.That(plan, Has.None.Match(@"^SCAN push_tokens\b"), "push_tokens is never read whole");
        });
    }

    [Test]
    public async Task The_indexes_of_push_tokens_are_the_ones_migration_0003_leaves()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'push_tokens' AND sql IS NOT NULL ORDER BY name";
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.That(names, Is.EqualTo(new[] { "ix_push_tokens_os_token", "ix_push_tokens_updated_at", "ix_push_tokens_user", "ux_push_tokens_token" }));
    }

    [Test]
    public async Task A_full_scan_is_seen_as_one() =>
        Assert.That(await PlanAsync("SELECT id FROM push_tokens WHERE language = @Language"), Has.Some.Match(@"^SCAN push_tokens\b"));

    private static TestCaseData Case(string name, string sql) => new TestCaseData(sql).SetName($"{name} uses an index");

    private static string Constant(Type type, string name) =>
        (string)type.GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;

    private async Task<List<string>> PlanAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3));
        }

        return details;
    }
}
