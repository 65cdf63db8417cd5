using Mediator;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Common.Options;
using PushTokenService.Application.Maintenance.Commands.PurgeStaleRecords;

namespace PushTokenService.Api.Hosting;

/// <summary>
/// Purges stale push-token records and expired sessions at start-up, then every <c>PushTokens:PurgeIntervalMinutes</c>
/// (0 turns it off). A failed run is logged and the next one tries again.
/// </summary>
public sealed partial class StaleRecordsPurgeJob(
    IServiceScopeFactory scopes, IOptions<PushTokenOptions> options, TimeProvider clock, ILogger<StaleRecordsPurgeJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.PurgeIntervalMinutes;
        if (minutes <= 0)
        {
            LogDisabled(logger);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            await PurgeAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PurgeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var purged = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PurgeStaleRecordsCommand(), stoppingToken);
            LogPurged(logger, purged.PushTokens, purged.Sessions);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever failed (the database away, a bad setting), the service keeps serving and the next run retries.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {PushTokens} stale push tokens and {Sessions} expired sessions")]
    private static partial void LogPurged(ILogger logger, int pushTokens, int sessions);

    [LoggerMessage(Level = LogLevel.Error, Message = "Purge of stale records failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purge of stale records is off (PushTokens:PurgeIntervalMinutes is 0)")]
    private static partial void LogDisabled(ILogger logger);
}
