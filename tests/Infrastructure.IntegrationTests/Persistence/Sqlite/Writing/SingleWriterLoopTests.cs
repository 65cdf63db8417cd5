using Dapper;
using Microsoft.Data.Sqlite;
using PushTokenService.Infrastructure.IntegrationTests.Support;
using PushTokenService.Infrastructure.Persistence.Execution;
using PushTokenService.Infrastructure.Persistence.Sqlite;
using PushTokenService.Infrastructure.Persistence.Sqlite.Writing;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.Sqlite.Writing;

/// <summary>Writes that share a transaction still succeed or fail one by one.</summary>
public sealed class SingleWriterLoopTests
{
    private TemporarySqliteDatabase _database = null!;

    private SqliteConnectionFactory Connections => _database.Connections;

    [SetUp]
    public async Task CreateDatabase()
    {
        _database = TemporarySqliteDatabase.Create("writer");
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE items (value INTEGER NOT NULL UNIQUE)");
    }

    [TearDown]
    public async Task DeleteDatabase() => await _database.DisposeAsync();

    [Test]
    public async Task A_failing_write_among_concurrent_ones_rolls_back_alone_and_the_others_are_committed()
    {
        using var writer = new SingleWriterLoop(Connections, TimeSpan.FromSeconds(30));

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

        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        var stored = (await connection.QueryAsync<long>("SELECT value FROM items ORDER BY value")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Count(outcome => outcome == 1), Is.EqualTo(37), "each value's first write succeeds");
            Assert.That(outcomes.Count(outcome => outcome == -1), Is.EqualTo(3), "each repeat fails with the unique violation");
            Assert.That(stored, Is.EqualTo(Enumerable.Range(1, 37).Select(v => (long)v)), "exactly the successful writes are stored");
        });
    }

    [Test]
    public async Task A_write_answers_only_once_its_batch_has_committed()
    {
        using var writer = new SingleWriterLoop(Connections, TimeSpan.FromSeconds(30));

        // Another connection sees a write's row only after COMMIT: every write must find its own once it has answered.
        var writes = Enumerable.Range(0, 8).Select(async i =>
        {
            await writer.RunAsync(
                (lease, ct) => lease.Command("INSERT INTO items (value) VALUES (@Value)", ("@Value", i)).ExecuteNonQueryAsync(ct),
                CancellationToken.None);
            await using var reader = await Connections.OpenAsync(CancellationToken.None);
            return await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM items WHERE value = @Value", new { Value = i });
        });
        var seen = await Task.WhenAll(writes);

        Assert.That(seen, Is.All.EqualTo(1));
    }

    [Test]
    public async Task A_write_that_throws_after_writing_leaves_nothing_and_the_others_commit_once()
    {
        using var writer = new SingleWriterLoop(Connections, TimeSpan.FromSeconds(30));
        const int Writes = 20;

        // Queued together, so that they share batches: every fifth write inserts its value, then fails.
        var writes = Enumerable.Range(0, Writes).Select(i => writer.RunAsync(async (lease, ct) =>
        {
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

        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        var stored = (await connection.QueryAsync<long>("SELECT value FROM items ORDER BY value")).ToList();
        var expected = Enumerable.Range(0, Writes).Where(i => i % 5 != 0).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failed, Is.EqualTo(new[] { 0, 5, 10, 15 }));
            Assert.That(stored, Is.EqualTo(expected.Select(v => (long)v)), "the failed writes' rows are rolled back, the others' committed once");
        });
    }

    [Test]
    public async Task Consecutive_batches_run_on_one_connection_with_a_page_cache_of_its_own()
    {
        using var writer = new SingleWriterLoop(Connections, TimeSpan.FromSeconds(30));

        var first = await writer.RunAsync((lease, _) => Task.FromResult(lease.Connection), CancellationToken.None);
        var (second, cacheSize) = await writer.RunAsync(
            async (lease, ct) => (lease.Connection, (long)(await lease.Command("PRAGMA cache_size").ExecuteScalarAsync(ct))!),
            CancellationToken.None);

        Assert.That((second, cacheSize), Is.EqualTo((first, -2048L)));
    }

    [Test]
    public async Task The_log_is_copied_into_the_database_file_beside_the_writes_and_the_writer_itself_copies_it_only_when_it_is_long()
    {
        await using (var setup = await Connections.OpenAsync(CancellationToken.None))
        {
            await setup.ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE pages (data BLOB NOT NULL)");
        }

        var file = new FileInfo(_database.File);
        var before = file.Length;
        using var writer = new SingleWriterLoop(Connections, TimeSpan.FromSeconds(30));

        // One write per batch (each awaited), each row a page of its own: far below the writer's own checkpoint threshold.
        for (var i = 0; i < 2 * SingleWriterLoop.CheckpointEveryBatches; i++)
        {
            await writer.RunAsync(
                (lease, ct) => lease.Command("INSERT INTO pages (data) VALUES (randomblob(3000))").ExecuteNonQueryAsync(ct), CancellationToken.None);
        }

        var autoCheckpoint = await writer.RunAsync(
            async (lease, ct) => (long)(await lease.Command("PRAGMA wal_autocheckpoint").ExecuteScalarAsync(ct))!, CancellationToken.None);
        var checkpointed = SpinWait.SpinUntil(() => writer.Checkpoints >= 1, TimeSpan.FromSeconds(30));
        file.Refresh();

        Assert.Multiple(() =>
        {
            Assert.That(autoCheckpoint, Is.EqualTo(SingleWriterLoop.WriterAutoCheckpointFrames), "the writer's own threshold");
            Assert.That(checkpointed, Is.True, "a background checkpoint ran");
            Assert.That(
                file.Length - before, Is.GreaterThanOrEqualTo(SingleWriterLoop.CheckpointEveryBatches * 3000L),
                "the first batches' pages are in the database file, not only in the log");
        });
    }

    [Test]
    public async Task The_writes_run_on_one_thread_of_the_loop_s_own_not_on_the_thread_pool()
    {
        using var writer = new SingleWriterLoop(Connections, TimeSpan.FromSeconds(30));

        var threads = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => writer.RunAsync(
            (_, _) => Task.FromResult((ManagedThreadId: Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread)),
            CancellationToken.None)));

        Assert.Multiple(() =>
        {
            Assert.That(threads.Select(t => t.ManagedThreadId).Distinct().Count(), Is.EqualTo(1), "one thread");
            Assert.That(threads[0].IsThreadPoolThread, Is.False, "not a pool thread, which waits behind the queued requests");
        });
    }

    [Test]
    public async Task A_caller_that_blocks_after_its_answer_does_not_hold_up_the_next_write()
    {
        using var writer = new SingleWriterLoop(Connections, TimeSpan.FromSeconds(30));

        // The loop is held until the first caller's continuation is in place. That continuation runs where the answer is
        // handed out, and blocks there until a second write, queued from it, has answered. Were the answers handed out on
        // the loop's thread, the second write would never run. The caller awaits on a pool thread, as a request does: the
        // test framework's own synchronization context would post the continuation elsewhere.
        var (held, release) = HoldTheLoop(writer);
        var second = await Task.Factory.StartNew(() => writer.RunAsync((_, _) => Task.FromResult(1), CancellationToken.None).ContinueWith(
            _ =>
            {
                var next = writer.RunAsync((_, _) => Task.FromResult(2), CancellationToken.None);
                return next.Wait(TimeSpan.FromSeconds(30)) ? next.Result : -1;
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default),
            CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
        release();

        Assert.That(await held, Is.EqualTo(1));
        Assert.That(await second, Is.EqualTo(2));
    }

    [Test]
    public async Task A_write_whose_caller_gave_up_while_it_waited_ends_canceled_and_writes_nothing()
    {
        using var writer = new SingleWriterLoop(Connections, TimeSpan.FromSeconds(30));
        var (first, release) = HoldTheLoop(writer);
        using var giveUp = new CancellationTokenSource();

        var waiting = writer.RunAsync(
            (lease, ct) => lease.Command("INSERT INTO items (value) VALUES (2)").ExecuteNonQueryAsync(ct), giveUp.Token);
        await giveUp.CancelAsync();
        release();

        Assert.That(await first, Is.EqualTo(1));
        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await StoredAsync(), Is.EqualTo(new[] { 1L }));
    }

    [Test]
    public async Task A_write_that_waited_in_the_queue_longer_than_the_limit_fails_without_running()
    {
        var limit = TimeSpan.FromMilliseconds(50);
        using var writer = new SingleWriterLoop(Connections, limit);
        var (first, release) = HoldTheLoop(writer);

        var waiting = writer.RunAsync(
            (lease, ct) => lease.Command("INSERT INTO items (value) VALUES (2)").ExecuteNonQueryAsync(ct), CancellationToken.None);
        var queued = System.Diagnostics.Stopwatch.StartNew();
        SpinWait.SpinUntil(() => queued.Elapsed > limit * 2);
        release();

        Assert.That(await first, Is.EqualTo(1));
        Assert.That(async () => await waiting, Throws.InstanceOf<WriteQueueTimeoutException>());
        Assert.That(await StoredAsync(), Is.EqualTo(new[] { 1L }));
    }

    [Test]
    public async Task Writes_still_queued_when_the_loop_is_disposed_run_even_when_one_of_them_asks_for_a_checkpoint()
    {
        var writer = new SingleWriterLoop(Connections, TimeSpan.FromSeconds(30));
        for (var i = 0; i < SingleWriterLoop.CheckpointEveryBatches - 1; i++)
        {
            await writer.RunAsync((_, _) => Task.FromResult(0), CancellationToken.None);
        }

        // The held write's batch is the one that asks for a checkpoint, and it ends after Dispose.
        var (held, release) = HoldTheLoop(writer);
        var queued = writer.RunAsync(
            (lease, ct) => lease.Command("INSERT INTO items (value) VALUES (2)").ExecuteNonQueryAsync(ct), CancellationToken.None);
        writer.Dispose();
        release();

        Assert.That(await held, Is.EqualTo(1));
        Assert.That(await queued, Is.EqualTo(1));
        Assert.That(await StoredAsync(), Is.EqualTo(new[] { 1L, 2L }));
    }

    /// <summary>A write (of value 1) that keeps the loop busy until <c>release</c> is called; returned once it runs.</summary>
    private static (Task<int> Write, Action Release) HoldTheLoop(SingleWriterLoop writer)
    {
        var running = new ManualResetEventSlim();
        var gate = new ManualResetEventSlim();
        var write = writer.RunAsync((lease, ct) =>
        {
            running.Set();
            gate.Wait(ct);
            return lease.Command("INSERT INTO items (value) VALUES (1)").ExecuteNonQueryAsync(ct);
        }, CancellationToken.None);
        Assert.That(running.Wait(TimeSpan.FromSeconds(30)), Is.True, "the holding write runs");
        return (write, gate.Set);
    }

    private async Task<List<long>> StoredAsync()
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<long>("SELECT value FROM items ORDER BY value")).ToList();
    }
}
