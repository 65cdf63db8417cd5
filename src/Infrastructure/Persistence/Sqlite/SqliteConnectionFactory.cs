using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using PushTokenService.Infrastructure.Persistence.Execution;
using PushTokenService.Infrastructure.Persistence.Sqlite.Native;

namespace PushTokenService.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Pooled SQLite connections with the per-connection pragmas this service relies on. Repository work rents leases from a
/// pool of its own, which keeps each connection open with its compiled statements (see <see cref="DbLease"/>): each a
/// <see cref="NativeSqliteCommand"/> on the connection's native handle where it holds one statement.
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory, ILeaseOwner
{
    /// <summary>At most this many idle leases are kept; the requests in flight on a few cores rarely need more.</summary>
    public const int MaxIdleLeases = 32;

    /// <summary>
    /// How long a statement waits on another process's lock before SQLITE_BUSY, unless the connection string says
    /// (<c>Default Timeout</c>). Microsoft.Data.Sqlite waits 30 s by default; with the executor's retries on top, a locked
    /// database would hold every request for minutes instead of answering 503 within seconds.
    /// </summary>
    public const int DefaultBusyTimeoutSeconds = 2;

    // NORMAL is durable in WAL mode except for the last transactions on power loss; foreign keys are off by default in SQLite.
    // Readers keep a 1 MB page cache each (SQLite's default is 2 MB): the hot reads are served from memory above SQLite, and
    // dozens of pooled connections would otherwise hold copies of the same pages. No memory map: SQLite maps the file once per
    // connection, and every mapping counts the pages it touched again in the resident memory.
    // busy_timeout: SQLite itself waits the connection's timeout on another process's lock (0: without end, as
    // Microsoft.Data.Sqlite's 0 means), for the statements a lease runs on the native handle (NativeSqliteCommand);
    // Microsoft.Data.Sqlite's own commands wait as long by retrying.
    private readonly string _connectionPragmas;

    // The pool hands the same native connection out again and again: its pragmas need setting once, not at every open.
    private readonly ConditionalWeakTable<object, object> _prepared = [];

    private static readonly string[] TimeoutKeywords = ["Default Timeout", "DefaultTimeout", "Command Timeout", "CommandTimeout"];

    private readonly ConcurrentBag<DbLease> _idle = [];
    private readonly string? _file;
    private int _idleCount;
    private long _generation;

    public SqliteConnectionFactory(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!TimeoutKeywords.Any(given.ContainsKey))
        {
            builder.DefaultTimeout = DefaultBusyTimeoutSeconds;
        }

        ConnectionString = builder.ToString();
        _connectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -1024; " +
            $"PRAGMA busy_timeout = {(builder.DefaultTimeout > 0 ? Math.Min(int.MaxValue, builder.DefaultTimeout * 1000L) : int.MaxValue)};";
        _file = builder.Mode != SqliteOpenMode.Memory && builder.DataSource is { Length: > 0 } path
            && path != ":memory:" && !path.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? path
            : null;
    }

    public bool SingleWriter => true;

    public int StringParameterSize => 0;

    public string ConnectionString { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var handle = connection.Handle!;
            if (!_prepared.TryGetValue(handle, out _))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = _connectionPragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
                _prepared.AddOrUpdate(handle, handle);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask<DbLease> RentAsync(CancellationToken cancellationToken)
    {
        await CloseAllIfFileGoneAsync();
        while (_idle.TryTake(out var lease))
        {
            Interlocked.Decrement(ref _idleCount);
            if (lease.Generation == Volatile.Read(ref _generation))
            {
                return lease;
            }

            await lease.CloseAsync();
        }

        return new DbLease(await OpenAsync(cancellationToken), this, this) { Generation = Volatile.Read(ref _generation) };
    }

    /// <summary>A single statement runs on the native handle; several go through Microsoft.Data.Sqlite's command.</summary>
    public DbCommand CreateCommand(DbConnection connection, string sql) =>
        (DbCommand?)NativeSqliteCommand.TryCreate((SqliteConnection)connection, sql) ?? connection.CommandFor(sql);

    bool ILeaseOwner.IsCurrent(DbLease lease)
    {
        CloseAllIfFileGoneAsync().AsTask().GetAwaiter().GetResult();
        return lease.Generation == Volatile.Read(ref _generation);
    }

    bool ILeaseOwner.TakeBack(DbLease lease)
    {
        if (lease.Generation != Volatile.Read(ref _generation))
        {
            return false;
        }

        if (Interlocked.Increment(ref _idleCount) > MaxIdleLeases)
        {
            Interlocked.Decrement(ref _idleCount);
            return false;
        }

        _idle.Add(lease);
        return true;
    }

    // An open connection keeps working on a file that was deleted or moved away, and what it writes is then lost:
    // once the file is gone from its path, every idle connection is closed and the next open fails, as it must.
    private ValueTask CloseAllIfFileGoneAsync() => _file is not null && !File.Exists(_file) ? ClearAsync() : ValueTask.CompletedTask;

    /// <summary>Closes every idle lease, and every lease in use when it comes back.</summary>
    public async ValueTask ClearAsync()
    {
        Interlocked.Increment(ref _generation);
        while (_idle.TryTake(out var lease))
        {
            Interlocked.Decrement(ref _idleCount);
            await lease.CloseAsync();
        }
    }
}
