using Microsoft.Extensions.Diagnostics.HealthChecks;
using PushTokenService.Infrastructure.Persistence;
using PushTokenService.Infrastructure.Persistence.Execution;

namespace PushTokenService.Api.Hosting;

/// <summary>Ready when the configured database answers and its schema is current.</summary>
public sealed class DatabaseHealthCheck(IDbConnectionFactory connections, DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A lease, as the requests take one: it sees a database file that went away as they do.
            await using var lease = await connections.RentAsync(cancellationToken);
            try
            {
                await lease.Command("SELECT 1").ExecuteScalarAsync(cancellationToken);
            }
            catch
            {
                lease.Broken = true;
                throw;
            }

            return migrator.IsUpgradeRequired()
                ? HealthCheckResult.Unhealthy("schema out of date")
                : HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure to reach the database means not ready; the reason goes to the health report.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("database unreachable", exception);
        }
    }
}
