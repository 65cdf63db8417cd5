using System.Data.Common;

namespace PushTokenService.Infrastructure.Persistence;

/// <summary>Opens connections to the configured database, ready for use.</summary>
public interface IDbConnectionFactory
{
    /// <summary>True where the engine takes one writer at a time (SQLite): writes then queue in process instead of spinning on a busy lock.</summary>
    bool SingleWriter { get; }

    /// <summary>A fresh connection from the provider's pool, for work outside the repositories (migrations, health checks).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A connection for one unit of repository work; disposing the lease gives it back.</summary>
    ValueTask<DbLease> RentAsync(CancellationToken cancellationToken);
}
