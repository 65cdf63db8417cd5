using Mediator;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.Common.Options;

namespace PushTokenService.Application.Maintenance.Commands.PurgeStaleRecords;

public sealed class PurgeStaleRecordsCommandHandler(
    IAdminTokenRepository pushTokens, ISessionRepository sessions, IOptions<PushTokenOptions> options, TimeProvider clock)
    : ICommandHandler<PurgeStaleRecordsCommand, PurgedRecords>
{
    public async ValueTask<PurgedRecords> Handle(PurgeStaleRecordsCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.StaleAfterDays < 1 || settings.PurgeBatchSize < 1)
        {
            throw new InvalidOperationException("PushTokens:StaleAfterDays and PushTokens:PurgeBatchSize must be at least 1.");
        }

        var now = clock.GetUtcNow();
        var updatedBefore = now.AddDays(-settings.StaleAfterDays);
        var purgedTokens = await DeleteInBatchesAsync(
            batch => pushTokens.DeleteStaleBatchAsync(updatedBefore, batch, cancellationToken), settings.PurgeBatchSize, cancellationToken);
        var purgedSessions = await DeleteInBatchesAsync(
            batch => sessions.DeleteExpiredBatchAsync(now, batch, cancellationToken), settings.PurgeBatchSize, cancellationToken);
        return new PurgedRecords(purgedTokens, purgedSessions);
    }

    /// <summary>One short transaction per batch, so that requests get the database between two batches.</summary>
    private static async Task<int> DeleteInBatchesAsync(Func<int, Task<int>> deleteBatch, int batchSize, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            deleted = await deleteBatch(batchSize);
            total += deleted;
        }
        while (deleted >= batchSize);

        return total;
    }
}
