using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace PushTokenService.Infrastructure.Persistence.Sqlite;

/// <summary>Pooled SQLite connections with the per-connection pragmas this service relies on.</summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    /// <summary>
    /// How long a statement waits on another process's lock before SQLITE_BUSY, unless the connection string says
    /// (<c>Default Timeout</c>). Microsoft.Data.Sqlite waits 30 s by default; with the executor's retries on top, a locked
    /// database would hold every request for minutes instead of answering 503 within seconds.
    /// </summary>
    public const int DefaultBusyTimeoutSeconds = 2;

    // NORMAL is durable in WAL mode except for the last transactions on power loss; foreign keys are off by default in SQLite.
    // Reads go through one shared memory map of the file (up to 256 MB), so each pooled connection's private page cache
    // can stay at 1 MB instead of SQLite's 2 MB default: dozens of pooled connections would otherwise hold copies of the same pages.
    private const string ConnectionPragmas =
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA mmap_size = 268435456; PRAGMA cache_size = -1024;";

    // The pool hands the same native connection out again and again: its pragmas need setting once, not at every open.
    private readonly ConditionalWeakTable<object, object> _prepared = [];

    private static readonly string[] TimeoutKeywords = ["Default Timeout", "DefaultTimeout", "Command Timeout", "CommandTimeout"];

    public SqliteConnectionFactory(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!TimeoutKeywords.Any(given.ContainsKey))
        {
            builder.DefaultTimeout = DefaultBusyTimeoutSeconds;
        }

        ConnectionString = builder.ToString();
    }

    public bool SingleWriter => true;

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
                command.CommandText = ConnectionPragmas;
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
}
