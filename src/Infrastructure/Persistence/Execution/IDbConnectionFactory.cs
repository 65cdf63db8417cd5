using System.Data.Common;

namespace PushTokenService.Infrastructure.Persistence.Execution;

/// <summary>Opens connections to the configured database, ready for use, and makes the commands its leases keep.</summary>
public interface IDbConnectionFactory
{
    /// <summary>True where the engine takes one writer at a time (SQLite): writes then queue in process instead of spinning on a busy lock.</summary>
    bool SingleWriter { get; }

    /// <summary>
    /// The size every string parameter of a kept command is declared with, for an engine that keeps one plan per declared
    /// size; 0 leaves the size to the provider.
    /// </summary>
    int StringParameterSize { get; }

    /// <summary>A fresh connection from the provider's pool, for work outside the repositories (migrations, health checks).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A connection for one unit of repository work; disposing the lease gives it back.</summary>
    ValueTask<DbLease> RentAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The command for <paramref name="sql"/> on <paramref name="connection"/>, which a lease keeps and runs again: the
    /// provider's fastest form of a statement run many times.
    /// </summary>
    DbCommand CreateCommand(DbConnection connection, string sql);
}
