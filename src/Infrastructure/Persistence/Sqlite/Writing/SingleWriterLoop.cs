using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PushTokenService.Infrastructure.Persistence.Execution;

namespace PushTokenService.Infrastructure.Persistence.Sqlite.Writing;

/// <summary>
/// The writes of a single-writer database (SQLite), run back to back by one loop, several to a transaction, and every
/// result handed out only after COMMIT. A failing write rolls back alone: its batch is rolled back and run again without
/// it, each write in a SAVEPOINT of its own (savepoints only then: they are two statements per write).
/// Callers do not take turns on a lock (each turn a thread-pool hop), and one commit serves a whole batch.
/// The loop has a thread of its own, woken by the caller that queues a write: a thread-pool task would wait behind the
/// requests queued on the pool at every wake-up, and every other write waits for it. SQLite's calls are synchronous, so
/// the thread runs the writes to the end; the results go back in one thread-pool item per batch (<see cref="Handout"/>).
/// The loop keeps one connection for all its writes: SQLite drops a connection's page cache whenever another connection
/// wrote since, so writes taking turns on pooled connections would read every page again.
/// Every <see cref="CheckpointEveryBatches"/> batches it asks <see cref="WalCheckpointer"/> to copy the log into the file
/// beside it, instead of stalling at a COMMIT to do it.
/// </summary>
public sealed class SingleWriterLoop : ISingleWriter, IDisposable
{
    /// <summary>At most this many writes share one transaction.</summary>
    public const int MaxBatch = 64;

    /// <summary>The writer checkpoints at COMMIT only past this many frames in the log (16 MB of 4 KB pages).</summary>
    public const int WriterAutoCheckpointFrames = 4096;

    /// <summary>
    /// A background checkpoint every this many batches: often enough that the log stays well inside
    /// <see cref="WriterAutoCheckpointFrames"/>, so that the writer seldom has to checkpoint at a COMMIT.
    /// </summary>
    public const int CheckpointEveryBatches = 64;

    // 2 MB: room for a full batch's pages and the upper levels of every b-tree at a million records. Not more: at every
    // COMMIT SQLite truncates the connection's cache (pcache1TruncateUnsafe, from pager_end_transaction), a walk of its
    // hash table that grows with the cache, and every queued write waits for it.
    // And the log copied into the file by the writer only past WriterAutoCheckpointFrames (SQLite's default is 1,000): below
    // that the WalCheckpointer does it beside the writes.
    private static readonly string WriterPragmas = $"PRAGMA cache_size = -2048; PRAGMA wal_autocheckpoint = {WriterAutoCheckpointFrames}";

    // Synchronous continuations: a caller's TryWrite wakes the blocked loop thread itself, not through a thread-pool item.
    private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private readonly IDbConnectionFactory _connections;
    private readonly TimeSpan _maxWait;
    private readonly WalCheckpointer _checkpointer;
    private DbLease? _lease;
    private int _batchesSinceCheckpoint;

    public SingleWriterLoop(IDbConnectionFactory connections, TimeSpan maxWait, ILogger? logger = null)
    {
        _connections = connections;
        _maxWait = maxWait;
        _checkpointer = new WalCheckpointer(connections, logger);
        new Thread(Run) { IsBackground = true, Name = "SQLite writer" }.Start();
    }

    /// <summary>Background checkpoints run so far.</summary>
    public long Checkpoints => _checkpointer.Completed;

    /// <summary>
    /// Runs <paramref name="work"/> inside the current batch's transaction. A write that waited longer than the
    /// queue's limit (the one ahead is stuck behind a lock held outside this process) fails with
    /// <see cref="WriteQueueTimeoutException"/> without running.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<DbLease, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = new Write(async (lease, ct) => await work(lease, ct), cancellationToken);
        ObjectDisposedException.ThrowIf(!_writes.Writer.TryWrite(write), this);

        return (T)(await write.Done.Task)!;
    }

    /// <summary>Takes no more writes; the loop runs those queued, then closes its connection and stops the checkpoints.</summary>
    public void Dispose() => _writes.Writer.TryComplete();

    private void Run()
    {
        var batch = new List<Write>(MaxBatch);
        var succeeded = new List<(Write Write, object? Result)>(MaxBatch);
        while (WaitForWrites())
        {
            batch.Clear();
            succeeded.Clear();
            var handout = new Handout();
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                if (write.Cancellation.IsCancellationRequested)
                {
                    handout.Fail(write, new OperationCanceledException(write.Cancellation));
                }
                else if (Stopwatch.GetElapsedTime(write.Enqueued) > _maxWait)
                {
                    handout.Fail(write, new WriteQueueTimeoutException());
                }
                else
                {
                    batch.Add(write);
                }
            }

            if (batch.Count > 0)
            {
                RunBatchAsync(batch, succeeded, handout).GetAwaiter().GetResult();
                if (++_batchesSinceCheckpoint == CheckpointEveryBatches)
                {
                    _batchesSinceCheckpoint = 0;
                    _checkpointer.Request();
                }
            }

            handout.Send();
        }

        _lease?.CloseAsync().AsTask().GetAwaiter().GetResult();

        // Here, after the last batch, not in Dispose: the writes still queued then may ask for a checkpoint.
        _checkpointer.Dispose();
    }

    private bool WaitForWrites()
    {
        var wait = _writes.Reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private async ValueTask<DbLease> WriterLeaseAsync()
    {
        if (_lease is { IsCurrent: false })
        {
            await _lease.CloseAsync();
            _lease = null;
        }

        if (_lease is null)
        {
            _lease = await _connections.RentAsync(CancellationToken.None);
            await _lease.Command(WriterPragmas).ExecuteNonQueryAsync();
        }

        return _lease;
    }

    private async Task RunBatchAsync(List<Write> batch, List<(Write Write, object? Result)> succeeded, Handout handout)
    {
        DbLease? lease = null;
        try
        {
            lease = await WriterLeaseAsync();
            var failed = await RunTogetherAsync(lease, batch, succeeded);
            if (failed is not null)
            {
                // Rolled back: the failing write gets its error, the others run again, each in a savepoint of its own.
                handout.Fail(failed.Value.Write, failed.Value.Exception);
                batch.Remove(failed.Value.Write);
                succeeded.Clear();
                await RunOneByOneAsync(lease, batch, succeeded, handout);
            }

            foreach (var (write, result) in succeeded)
            {
                handout.Succeed(write, result);
            }
        }
#pragma warning disable CA1031 // The transaction failed (BEGIN, a rollback or COMMIT): every write of the batch fails with it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            if (lease is not null)
            {
                await lease.CloseAsync();
                _lease = null;
            }

            foreach (var write in batch)
            {
                handout.Fail(write, exception);
            }
        }
        finally
        {
            lease?.Transaction = null;
        }
    }

    /// <summary>
    /// The batch in one transaction without savepoints (two statements fewer per write), committed when every write
    /// succeeded. The first write that throws ends it: the transaction rolls back, and that write is returned with its exception.
    /// </summary>
    private static async Task<(Write Write, Exception Exception)?> RunTogetherAsync(
        DbLease lease, List<Write> batch, List<(Write Write, object? Result)> succeeded)
    {
        await using var transaction = await lease.Connection.BeginTransactionAsync();
        lease.Transaction = transaction;
        foreach (var write in batch)
        {
            try
            {
                succeeded.Add((write, await write.Work(lease, write.Cancellation)));
            }
#pragma warning disable CA1031 // The write's own failure goes to its caller; the others run again without it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                await transaction.RollbackAsync();
                return (write, exception);
            }
        }

        await transaction.CommitAsync();
        return null;
    }

    /// <summary>The batch in one transaction, each write in a SAVEPOINT: a failing one rolls back alone.</summary>
    private static async Task RunOneByOneAsync(
        DbLease lease, List<Write> batch, List<(Write Write, object? Result)> succeeded, Handout handout)
    {
        await using var transaction = await lease.Connection.BeginTransactionAsync();
        lease.Transaction = transaction;
        foreach (var write in batch)
        {
            await lease.Command("SAVEPOINT write").ExecuteNonQueryAsync();
            try
            {
                succeeded.Add((write, await write.Work(lease, write.Cancellation)));
                await lease.Command("RELEASE write").ExecuteNonQueryAsync();
            }
#pragma warning disable CA1031 // The write's own failure goes to its caller; the batch goes on without it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                if (succeeded.Count > 0 && ReferenceEquals(succeeded[^1].Write, write))
                {
                    succeeded.RemoveAt(succeeded.Count - 1);
                }

                await lease.Command("ROLLBACK TO write; RELEASE write").ExecuteNonQueryAsync();
                handout.Fail(write, exception);
            }
        }

        await transaction.CommitAsync();
    }

    private sealed class Write(Func<DbLease, CancellationToken, Task<object?>> work, CancellationToken cancellation)
    {
        public Func<DbLease, CancellationToken, Task<object?>> Work { get; } = work;

        public CancellationToken Cancellation { get; } = cancellation;

        public long Enqueued { get; } = Stopwatch.GetTimestamp();

        // No RunContinuationsAsynchronously: the caller's continuation runs where the result is set, in its batch's Handout.
        public TaskCompletionSource<object?> Done { get; } = new();
    }

    /// <summary>
    /// A batch's results and errors, handed to their callers by one thread-pool work item once the batch has ended: each
    /// caller's continuation runs in turn on that thread (a write's task completes synchronously). One dispatch per batch
    /// instead of one per write, and the loop's thread is free for the next batch at once, whatever the callers do next.
    /// A write that fails twice (its own error, then its batch's) keeps the first.
    /// </summary>
    private sealed class Handout : IThreadPoolWorkItem
    {
        private readonly List<(Write Write, object? Result, Exception? Error)> _outcomes = [];

        public void Succeed(Write write, object? result) => _outcomes.Add((write, result, null));

        public void Fail(Write write, Exception error) => _outcomes.Add((write, null, error));

        public void Send()
        {
            if (_outcomes.Count > 0)
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            }
        }

        public void Execute()
        {
            foreach (var (write, result, error) in _outcomes)
            {
                _ = error switch
                {
                    null => write.Done.TrySetResult(result),
                    OperationCanceledException when write.Cancellation.IsCancellationRequested => write.Done.TrySetCanceled(write.Cancellation),
                    _ => write.Done.TrySetException(error),
                };
            }
        }
    }
}
