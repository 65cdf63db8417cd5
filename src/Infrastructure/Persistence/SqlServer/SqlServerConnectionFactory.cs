using System.Data.Common;
using Microsoft.Data.SqlClient;
using PushTokenService.Infrastructure.Persistence.Execution;

namespace PushTokenService.Infrastructure.Persistence.SqlServer;

/// <summary>
/// Pooled SQL Server connections; the engine takes concurrent writers, so writes do not queue in process. The server
/// caches plans itself: a lease is a plain pooled connection, closed after its one unit of work.
/// </summary>
public sealed class SqlServerConnectionFactory(string connectionString) : IDbConnectionFactory
{
    public bool SingleWriter => false;

    /// <summary>The server keeps one plan per declared parameter size: every string goes as nvarchar(4000), as Dapper sends it.</summary>
    public int StringParameterSize => 4000;

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
        new(await OpenAsync(cancellationToken), this, owner: null);

    public DbCommand CreateCommand(DbConnection connection, string sql) => connection.CommandFor(sql);
}
