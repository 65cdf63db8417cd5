using System.Data.Common;
using Microsoft.Data.Sqlite;
using PushTokenService.Infrastructure.Persistence.Sqlite;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.Sqlite;

public sealed class SqliteConnectionFactoryTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("pushtokens-factory").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Every_open_connection_has_normal_sync_and_foreign_keys_also_when_it_comes_from_the_pool()
    {
        var factory = new SqliteConnectionFactory($"Data Source={Path.Combine(_folder, "pool.db")}");

        for (var open = 0; open < 3; open++)
        {
            await using var connection = await factory.OpenAsync(CancellationToken.None);
            Assert.Multiple(() =>
            {
                Assert.That(Pragma(connection, "synchronous"), Is.EqualTo(1), "synchronous = NORMAL");
                Assert.That(Pragma(connection, "foreign_keys"), Is.EqualTo(1), "foreign_keys = ON");
            });
        }
    }

    private static long Pragma(DbConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)command.ExecuteScalar()!;
    }
}
