using Mediator;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Application.Maintenance.Commands.PurgeStaleRecords;

namespace PushTokenService.Api.FunctionalTests.Support;

public static class StaleRecordsPurge
{
    /// <summary>Runs the purge the background job runs, now, and returns what it deleted.</summary>
    public static async Task<PurgedRecords> PurgeStaleRecordsAsync(this PushTokenApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PurgeStaleRecordsCommand());
    }
}
