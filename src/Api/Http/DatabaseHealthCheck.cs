using Microsoft.Extensions.Diagnostics.HealthChecks;
using PushTokenService.Infrastructure.Persistence;

namespace PushTokenService.Api.Http;

/// <summary>Ready when the configured database answers and its schema is current.</summary>
public sealed class DatabaseHealthCheck(IDbConnectionFactory connections, DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
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
