using System.Data.Common;

namespace PushTokenService.Infrastructure.Persistence;

/// <summary>Opens one pooled connection per call, ready for use.</summary>
public interface IDbConnectionFactory
{
    /// <summary>True where the engine takes one writer at a time (SQLite): writes then queue in process instead of spinning on a busy lock.</summary>
    bool SingleWriter { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
