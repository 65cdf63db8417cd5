using System.Diagnostics;
using System.Threading.Channels;

namespace PushTokenService.Infrastructure.Persistence;

/// <summary>
/// The writes of a single-writer database (SQLite), run back to back by one loop, several to a transaction, and every
/// result handed out only after COMMIT. A failing write rolls back alone: its batch is rolled back and run again without
/// it, each write in a SAVEPOINT of its own (savepoints only then: they are two statements per write).
/// Callers no longer take turns on a lock (each turn a thread-pool hop), and one commit serves a whole batch.
/// The loop keeps one connection for all its writes: SQLite drops a connection's page cache whenever another connection
/// wrote since, so writes that took turns on pooled connections read every page again.
/// </summary>
public sealed class SingleWriterLoop : IDisposable
{
    /// <summary>At most this many writes share one transaction.</summary>
    public const int MaxBatch = 64;

    // 2 MB: room for a full batch's pages and the upper levels of every b-tree at a million records (about 1.2 MB). Not more:
    // at every COMMIT SQLite truncates the connection's cache (pcache1TruncateUnsafe, from pager_end_transaction), a walk of
    // its hash table that grows with the cache: with 16 MB it was 3-4 % of a POST's CPU in the profile.
    private const string WriterCacheSize = "PRAGMA cache_size = -2048";

    private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbConnectionFactory _connections;
    private readonly TimeSpan _maxWait;
    private DbLease? _lease;

    public SingleWriterLoop(IDbConnectionFactory connections, TimeSpan maxWait)
    {
        _connections = connections;
        _maxWait = maxWait;
        _ = Task.Run(RunAsync);
    }

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

    public void Dispose() => _writes.Writer.TryComplete();

    private async Task RunAsync()
    {
        var batch = new List<Write>(MaxBatch);
        var succeeded = new List<(Write Write, object? Result)>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            succeeded.Clear();
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                if (write.Cancellation.IsCancellationRequested)
                {
                    write.Done.TrySetCanceled(write.Cancellation);
                }
                else if (Stopwatch.GetElapsedTime(write.Enqueued) > _maxWait)
                {
                    write.Done.TrySetException(new WriteQueueTimeoutException());
                }
                else
                {
                    batch.Add(write);
                }
            }

            if (batch.Count > 0)
            {
                await RunBatchAsync(batch, succeeded);
            }
        }

        if (_lease is not null)
        {
            await _lease.CloseAsync();
        }
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
            await _lease.Command(WriterCacheSize).ExecuteNonQueryAsync();
        }

        return _lease;
    }

    private async Task RunBatchAsync(List<Write> batch, List<(Write Write, object? Result)> succeeded)
    {
        DbLease? lease = null;
        try
        {
            lease = await WriterLeaseAsync();
            var failed = await RunTogetherAsync(lease, batch, succeeded);
            if (failed is not null)
            {
                // Rolled back: the failing write gets its error, the others run again, each in a savepoint of its own.
                failed.Value.Write.Done.TrySetException(failed.Value.Exception);
                batch.Remove(failed.Value.Write);
                succeeded.Clear();
                await RunOneByOneAsync(lease, batch, succeeded);
            }

            foreach (var (write, result) in succeeded)
            {
                write.Done.TrySetResult(result);
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
                write.Done.TrySetException(exception);
            }
        }
        finally
        {
            lease?.Transaction = null;
        }
    }

    /// <summary>
    /// The batch in one transaction without savepoints (two statements fewer per write), committed when every write
    /// succeeded. The first write that throws ends it: the transaction rolls back with what the writes asked to run
    /// after the commit, and that write is returned with its exception.
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
                lease.DiscardCommitted();
                return (write, exception);
            }
        }

        await transaction.CommitAsync();
        lease.Committed();
        return null;
    }

    /// <summary>The batch in one transaction, each write in a SAVEPOINT: a failing one rolls back alone.</summary>
    private static async Task RunOneByOneAsync(DbLease lease, List<Write> batch, List<(Write Write, object? Result)> succeeded)
    {
        await using var transaction = await lease.Connection.BeginTransactionAsync();
        lease.Transaction = transaction;
        foreach (var write in batch)
        {
            await lease.Command("SAVEPOINT write").ExecuteNonQueryAsync();
            var committedBefore = lease.CommittedCount;
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
                lease.DiscardCommitted(from: committedBefore);
                write.Done.TrySetException(exception);
            }
        }

        await transaction.CommitAsync();
        lease.Committed();
    }

    private sealed class Write(Func<DbLease, CancellationToken, Task<object?>> work, CancellationToken cancellation)
    {
        public Func<DbLease, CancellationToken, Task<object?>> Work { get; } = work;

        public CancellationToken Cancellation { get; } = cancellation;

        public long Enqueued { get; } = Stopwatch.GetTimestamp();

        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
