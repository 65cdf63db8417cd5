using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace PushTokenService.Infrastructure.Persistence.Sqlite;

/// <summary>Pooled SQLite connections with the per-connection pragmas this service relies on.</summary>
public sealed class SqliteConnectionFactory(string connectionString) : IDbConnectionFactory
{
    // NORMAL is durable in WAL mode except for the last transactions on power loss; foreign keys are off by default in SQLite.
    private const string ConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    // The pool hands the same native connection out again and again: its pragmas need setting once, not at every open.
    private readonly ConditionalWeakTable<object, object> _prepared = [];

    public bool SingleWriter => true;

    public string ConnectionString { get; } = connectionString;

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
