using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PushTokenService.Infrastructure.Persistence.Execution;

namespace PushTokenService.Infrastructure.Persistence.Sqlite.Writing;

/// <summary>
/// Copies SQLite's write-ahead log into the database file on a thread of its own (a PASSIVE checkpoint, on a connection
/// of its own), when <see cref="SingleWriterLoop"/> asks for it. Done by the writer at COMMIT, as SQLite does by default,
/// the copy and its two fsyncs would stall every queued write; here they run beside the writes.
/// A PASSIVE checkpoint never waits for the writer and never makes it wait. The log only starts again from its beginning
/// once it is wholly copied when a write begins, which continuous writes seldom leave room for: the writer itself still
/// checkpoints past <see cref="SingleWriterLoop.WriterAutoCheckpointFrames"/> frames, and finds almost everything copied
/// already. A failed checkpoint is logged and tried again at the next request; the writer's own bounds the log meanwhile.
/// </summary>
public sealed partial class WalCheckpointer : IDisposable
{
    private readonly IDbConnectionFactory _connections;
    private readonly ILogger _logger;
    private readonly AutoResetEvent _due = new(false);
    private readonly Thread _thread;
    private volatile bool _stopped;
    private long _completed;

    public WalCheckpointer(IDbConnectionFactory connections, ILogger? logger = null)
    {
        _connections = connections;
        _logger = logger ?? NullLogger.Instance;
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite checkpoint" };
        _thread.Start();
    }

    /// <summary>Checkpoints run to the end, failed or not; for tests and diagnostics.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Asks for a checkpoint; requests made while one runs are served by a single next one.</summary>
    public void Request() => _due.Set();

    public void Dispose()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        _due.Set();
        _thread.Join();
        _due.Dispose();
    }

    private void Run()
    {
        DbLease? lease = null;
        while (true)
        {
            _due.WaitOne();
            if (_stopped)
            {
                break;
            }

            try
            {
                if (lease is { IsCurrent: false })
                {
                    Close(lease);
                    lease = null;
                }

                lease ??= _connections.RentAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
                lease.Command("PRAGMA wal_checkpoint(PASSIVE)").ExecuteNonQuery();
            }
#pragma warning disable CA1031 // A failed checkpoint is retried at the next request; the writer's own bounds the log meanwhile.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(_logger, exception);
                if (lease is not null)
                {
                    Close(lease);
                    lease = null;
                }
            }

            Interlocked.Increment(ref _completed);
        }

        if (lease is not null)
        {
            Close(lease);
        }
    }

    private void Close(DbLease lease)
    {
        try
        {
            lease.CloseAsync().AsTask().GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // Closing a connection that already failed: nothing more to do with it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(_logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background WAL checkpoint failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
