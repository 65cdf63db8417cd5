using Dapper;
using Microsoft.Data.Sqlite;
using PushTokenService.Infrastructure.Persistence;
using PushTokenService.Infrastructure.Persistence.Sqlite;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence;

/// <summary>Writes that share a transaction still succeed or fail one by one.</summary>
public sealed class SingleWriterLoopTests
{
    private string _folder = null!;
    private SqliteConnectionFactory _connections = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("pushtokens-writer").FullName;
        _connections = new SqliteConnectionFactory($"Data Source={Path.Combine(_folder, "writer.db")}");
        await using var connection = await _connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE items (value INTEGER NOT NULL UNIQUE)");
    }

    [TearDown]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task A_failing_write_among_concurrent_ones_rolls_back_alone_and_the_others_are_committed()
    {
        using var writer = new SingleWriterLoop(_connections, TimeSpan.FromSeconds(30));

        // 40 writes at once land in shared transactions; the three that repeat a value break the unique key.
        var values = Enumerable.Range(1, 37).Concat([5, 17, 29]).ToList();
        var writes = values.Select(value => writer.RunAsync(
            (lease, ct) => lease.Command("INSERT INTO items (value) VALUES (@Value)", ("@Value", value)).ExecuteNonQueryAsync(ct),
            CancellationToken.None)).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async write =>
        {
            try
            {
                return await write;
            }
            catch (SqliteException)
            {
                return -1;
            }
        }));

        await using var connection = await _connections.OpenAsync(CancellationToken.None);
        var stored = (await connection.QueryAsync<long>("SELECT value FROM items ORDER BY value")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Count(outcome => outcome == 1), Is.EqualTo(37), "each value's first write succeeds");
            Assert.That(outcomes.Count(outcome => outcome == -1), Is.EqualTo(3), "each repeat fails with the unique violation");
            Assert.That(stored, Is.EqualTo(Enumerable.Range(1, 37).Select(v => (long)v)), "exactly the successful writes are stored");
        });
    }

    [Test]
    public async Task What_a_write_asks_to_run_after_the_commit_runs_before_it_answers_when_its_batch_committed()
    {
        using var writer = new SingleWriterLoop(_connections, TimeSpan.FromSeconds(30));
        var committed = new bool[8];

        var writes = Enumerable.Range(0, committed.Length).Select(async i =>
        {
            var inside = await writer.RunAsync(async (lease, ct) =>
            {
                lease.OnCommitted(() => committed[i] = true);
                await lease.Command("INSERT INTO items (value) VALUES (@Value)", ("@Value", i)).ExecuteNonQueryAsync(ct);
                return committed[i];
            }, CancellationToken.None);
            return (Inside: inside, Answered: committed[i]);
        });
        var seen = await Task.WhenAll(writes);

        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(s => s.Inside), Is.All.False, "not before the commit");
            Assert.That(seen.Select(s => s.Answered), Is.All.True, "but before the write answered");
        });
    }

    [Test]
    public async Task A_write_that_throws_after_writing_leaves_nothing_and_the_others_commit_and_run_their_actions_once()
    {
        using var writer = new SingleWriterLoop(_connections, TimeSpan.FromSeconds(30));
        var actions = new int[20];

        // Queued together, so that they share batches: every fifth write inserts its value, then fails.
        var writes = Enumerable.Range(0, actions.Length).Select(i => writer.RunAsync(async (lease, ct) =>
        {
            lease.OnCommitted(() => Interlocked.Increment(ref actions[i]));
            await lease.Command("INSERT INTO items (value) VALUES (@Value)", ("@Value", i)).ExecuteNonQueryAsync(ct);
            return i % 5 == 0 ? throw new InvalidOperationException($"write {i} fails after writing") : i;
        }, CancellationToken.None)).ToList();
        var failed = new List<int>();
        for (var i = 0; i < writes.Count; i++)
        {
            try
            {
                await writes[i];
            }
            catch (InvalidOperationException)
            {
                failed.Add(i);
            }
        }

        await using var connection = await _connections.OpenAsync(CancellationToken.None);
        var stored = (await connection.QueryAsync<long>("SELECT value FROM items ORDER BY value")).ToList();
        var expected = Enumerable.Range(0, actions.Length).Where(i => i % 5 != 0).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failed, Is.EqualTo(new[] { 0, 5, 10, 15 }));
            Assert.That(stored, Is.EqualTo(expected.Select(v => (long)v)), "the failed writes' rows are rolled back, the others' committed once");
            Assert.That(expected.Select(i => actions[i]), Is.All.EqualTo(1), "each committed write's action ran once");
            Assert.That(failed.Select(i => actions[i]), Is.All.EqualTo(0), "a failed write's action never ran");
        });
    }

    [Test]
    public async Task Consecutive_batches_run_on_one_connection_with_a_page_cache_of_its_own()
    {
        using var writer = new SingleWriterLoop(_connections, TimeSpan.FromSeconds(30));

        var first = await writer.RunAsync((lease, _) => Task.FromResult(lease.Connection), CancellationToken.None);
        var (second, cacheSize) = await writer.RunAsync(
            async (lease, ct) => (lease.Connection, (long)(await lease.Command("PRAGMA cache_size").ExecuteScalarAsync(ct))!),
            CancellationToken.None);

        Assert.That((second, cacheSize), Is.EqualTo((first, -2048L)));
    }
}
