using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace PushTokenService.Infrastructure.Persistence.SqlServer;

/// <summary>
/// Pooled SQL Server connections; the engine takes concurrent writers, so writes do not queue in process. The server
/// caches plans itself: a lease is a plain pooled connection, closed after its one unit of work.
/// </summary>
public sealed class SqlServerConnectionFactory(string connectionString) : IDbConnectionFactory
{
    public bool SingleWriter => false;

    public string ConnectionString { get; } = connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask<DbLease> RentAsync(CancellationToken cancellationToken) =>
        new(await OpenAsync(cancellationToken), owner: null, fixedStringSize: true);
}
