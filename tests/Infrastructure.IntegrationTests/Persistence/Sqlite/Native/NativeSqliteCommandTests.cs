using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PushTokenService.Infrastructure.IntegrationTests.Support;
using PushTokenService.Infrastructure.Persistence.Sqlite;
using PushTokenService.Infrastructure.Persistence.Sqlite.Native;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.Sqlite.Native;

/// <summary>
/// The statements a SQLite lease runs on the native handle: the values bound and read back, the counts, the errors and
/// the waits must be what Microsoft.Data.Sqlite's own commands give, since the repositories cannot tell them apart.
/// </summary>
public sealed class NativeSqliteCommandTests
{
    private TemporarySqliteDatabase _database = null!;

    private SqliteConnectionFactory Connections => _database.Connections;

    [SetUp]
    public async Task CreateDatabase()
    {
        _database = TemporarySqliteDatabase.Create("native", ";Default Timeout=1");
        await using var lease = await Connections.RentAsync(CancellationToken.None);
        await lease.Command("PRAGMA journal_mode = WAL").ExecuteNonQueryAsync();
        await lease.Command("CREATE TABLE items (id INTEGER PRIMARY KEY, n INTEGER, s TEXT, b BLOB, UNIQUE (s))").ExecuteNonQueryAsync();
    }

    [TearDown]
    public async Task DeleteDatabase() => await _database.DisposeAsync();

    [Test]
    public async Task Values_of_every_bound_type_are_stored_and_read_back_as_sqlite_stores_them()
    {
        await using var lease = await Connections.RentAsync(CancellationToken.None);
        var insert = lease.Command(
            "INSERT INTO items (n, s, b) VALUES (@N, @S, @B) RETURNING id, n, s, b",
            ("@N", 7_000_000_000L), ("@S", "é ✓ text"), ("@B", new byte[] { 1, 2, 3 }));
        Assert.That(insert, Is.TypeOf<NativeSqliteCommand>());

        await using (var reader = await insert.ExecuteReaderAsync())
        {
            Assert.That(await reader.ReadAsync(), Is.True);
            Assert.Multiple(() =>
            {
                Assert.That(reader.GetInt64(0), Is.EqualTo(1));
                Assert.That(reader.GetInt64(1), Is.EqualTo(7_000_000_000L));
                Assert.That(reader.GetString(2), Is.EqualTo("é ✓ text"));
                Assert.That(reader.GetValue(3), Is.EqualTo(new byte[] { 1, 2, 3 }));
            });
            Assert.That(await reader.ReadAsync(), Is.False);
        }

        var nulls = lease.Command("INSERT INTO items (n, s, b) VALUES (@N, @S, @B) RETURNING n, s", ("@N", 5), ("@S", null), ("@B", DBNull.Value));
        await using (var reader = await nulls.ExecuteReaderAsync())
        {
            Assert.That(await reader.ReadAsync(), Is.True);
            Assert.Multiple(async () =>
            {
                Assert.That(reader.GetInt32(0), Is.EqualTo(5));
                Assert.That(await reader.IsDBNullAsync(1), Is.True);
            });
        }

        // The same command again, new values bound: the statement was reset when its reader was disposed.
        var select = lease.Command("SELECT count(*) FROM items WHERE n >= @N", ("@N", 5));
        Assert.That(await select.ExecuteScalarAsync(), Is.EqualTo(2L));
        select = lease.Command("SELECT count(*) FROM items WHERE n >= @N", ("@N", 6));
        Assert.That(await select.ExecuteScalarAsync(), Is.EqualTo(1L));
    }

    [Test]
    public async Task A_native_command_cannot_be_pointed_at_another_statement()
    {
        await using var lease = await Connections.RentAsync(CancellationToken.None);
        var command = lease.Command("SELECT count(*) FROM items");

        Assert.Throws<NotSupportedException>(() => command.CommandText = "DELETE FROM items");
        Assert.That(command.CommandText, Is.EqualTo("SELECT count(*) FROM items"));
    }

    [Test]
    public async Task A_change_counts_the_rows_of_its_own_statement()
    {
        await using var lease = await Connections.RentAsync(CancellationToken.None);
        await lease.Command("INSERT INTO items (n) VALUES (1), (1), (2)").ExecuteNonQueryAsync();

        var deleteOnes = await lease.Command("DELETE FROM items WHERE n = @N", ("@N", 1)).ExecuteNonQueryAsync();
        var deleteNone = await lease.Command("DELETE FROM items WHERE n = @N", ("@N", 1)).ExecuteNonQueryAsync();

        Assert.Multiple(() =>
        {
            Assert.That(deleteOnes, Is.EqualTo(2));
            Assert.That(deleteNone, Is.Zero, "no row deleted: not the count of the statement before");
        });
    }

    [Test]
    public async Task Sql_with_several_statements_runs_through_the_provider_instead()
    {
        await using var lease = await Connections.RentAsync(CancellationToken.None);
        var command = lease.Command("INSERT INTO items (n) VALUES (1); INSERT INTO items (n) VALUES (2)");

        await command.ExecuteNonQueryAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(command, Is.TypeOf<SqliteCommand>());
            Assert.That(await lease.Command("SELECT count(*) FROM items").ExecuteScalarAsync(), Is.EqualTo(2L), "both statements ran");
        });
    }

    [Test]
    public async Task A_failing_statement_throws_sqlites_error_codes_and_the_statement_is_usable_again()
    {
        await using var lease = await Connections.RentAsync(CancellationToken.None);
        const string Insert = "INSERT INTO items (s) VALUES (@S)";
        await lease.Command(Insert, ("@S", "taken")).ExecuteNonQueryAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => lease.Command(Insert, ("@S", "taken")).ExecuteNonQueryAsync());

        Assert.Multiple(async () =>
        {
            Assert.That(error!.SqliteErrorCode, Is.EqualTo(19), "SQLITE_CONSTRAINT");
            Assert.That(error.SqliteExtendedErrorCode, Is.EqualTo(2067), "SQLITE_CONSTRAINT_UNIQUE");
            Assert.That(error.Message, Does.Contain("UNIQUE"));
            Assert.That(await lease.Command(Insert, ("@S", "free")).ExecuteNonQueryAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_write_waits_for_another_processs_lock_for_the_connections_timeout_then_is_busy()
    {
        await using var other = new SqliteConnection($"Data Source={_database.File};Pooling=false");
        await other.OpenAsync();
        await using var holding = other.CreateCommand();
        holding.CommandText = "BEGIN IMMEDIATE";
        await holding.ExecuteNonQueryAsync();

        await using var lease = await Connections.RentAsync(CancellationToken.None);
        var insert = lease.Command("INSERT INTO items (n) VALUES (@N)", ("@N", 1));
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<SqliteException>(() => insert.ExecuteNonQueryAsync());
        var waited = clock.Elapsed;

        Assert.Multiple(() =>
        {
            Assert.That(insert, Is.TypeOf<NativeSqliteCommand>());
            Assert.That(error!.SqliteErrorCode, Is.EqualTo(5), "SQLITE_BUSY");
            Assert.That(waited, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)), "Default Timeout=1: about a second");
        });

        holding.CommandText = "COMMIT";
        await holding.ExecuteNonQueryAsync();
        Assert.That(await insert.ExecuteNonQueryAsync(), Is.EqualTo(1), "the lock gone, the same statement runs");
    }
}
