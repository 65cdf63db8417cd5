using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using PushTokenService.Infrastructure.IntegrationTests.Support;
using PushTokenService.Infrastructure.Persistence.Sqlite;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.Sqlite;

/// <summary>The SQLite factory's own pool: connections lent with their compiled statements, and closed when they cannot be trusted.</summary>
public sealed class SqliteLeaseTests
{
    private const string Select = "SELECT value FROM items WHERE value = @Value";

    private TemporarySqliteDatabase _database = null!;

    private SqliteConnectionFactory Connections => _database.Connections;

    [SetUp]
    public async Task CreateDatabase()
    {
        _database = TemporarySqliteDatabase.Create("lease");
        await using var lease = await Connections.RentAsync(CancellationToken.None);
        await lease.Command("CREATE TABLE items (value INTEGER NOT NULL)").ExecuteNonQueryAsync();
        await lease.Command("INSERT INTO items (value) VALUES (1), (2)").ExecuteNonQueryAsync();
    }

    [TearDown]
    public async Task DeleteDatabase() => await _database.DisposeAsync();

    [Test]
    public async Task A_lease_given_back_is_lent_again_with_its_statement_compiled_and_new_values_bound()
    {
        DbCommand first;
        await using (var lease = await Connections.RentAsync(CancellationToken.None))
        {
            first = lease.Command(Select, ("@Value", 1));
            Assert.That(await first.ExecuteScalarAsync(), Is.EqualTo(1L));
        }

        await using var again = await Connections.RentAsync(CancellationToken.None);
        var second = again.Command(Select, ("@Value", 2));

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first), "the same command, not compiled again");
            Assert.That(second.ExecuteScalar(), Is.EqualTo(2L));
        });
    }

    [Test]
    public async Task A_lease_whose_work_failed_is_closed_instead_of_lent_again()
    {
        var lease = await Connections.RentAsync(CancellationToken.None);
        var connection = lease.Connection;
        lease.Broken = true;
        await lease.DisposeAsync();

        await using var next = await Connections.RentAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(connection.State, Is.EqualTo(ConnectionState.Closed));
            Assert.That(next.Connection, Is.Not.SameAs(connection));
        });
    }

    [Test]
    public async Task A_statement_bound_with_other_parameters_than_it_was_compiled_with_is_refused()
    {
        await using var lease = await Connections.RentAsync(CancellationToken.None);
        lease.Command(Select, ("@Value", 1));

        Assert.Multiple(() =>
        {
            Assert.That(() => lease.Command(Select), Throws.InvalidOperationException);
            Assert.That(() => lease.Command(Select, ("@Other", 1)), Throws.InvalidOperationException);
        });
    }

    [Test]
    public async Task Every_lease_has_normal_sync_and_foreign_keys()
    {
        for (var rent = 0; rent < 3; rent++)
        {
            await using var lease = await Connections.RentAsync(CancellationToken.None);
            Assert.Multiple(() =>
            {
                Assert.That(lease.Command("PRAGMA synchronous").ExecuteScalar(), Is.EqualTo(1L), "synchronous = NORMAL");
                Assert.That(lease.Command("PRAGMA foreign_keys").ExecuteScalar(), Is.EqualTo(1L), "foreign_keys = ON");
            });
        }
    }

    [Test]
    public async Task When_the_database_file_leaves_its_path_no_idle_lease_is_lent_and_renting_fails()
    {
        var idle = await Connections.RentAsync(CancellationToken.None);
        var connection = idle.Connection;
        await idle.DisposeAsync();
        SqliteConnection.ClearAllPools();
        var away = _database.Folder + ".away";
        Directory.Move(_database.Folder, away);
        try
        {
            await Assert.ThrowsAsync<SqliteException>(async () => await Connections.RentAsync(CancellationToken.None));
            Assert.That(connection.State, Is.EqualTo(ConnectionState.Closed), "the idle connection to the moved file is closed");
        }
        finally
        {
            Directory.Move(away, _database.Folder);
        }

        await using var back = await Connections.RentAsync(CancellationToken.None);
        Assert.That(back.Command(Select, ("@Value", 2)).ExecuteScalar(), Is.EqualTo(2L));
    }
}
