using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Infrastructure.Persistence.Repositories;

namespace PushTokenService.Infrastructure.Persistence.Caching;

/// <summary>
/// The admin writes change records of users they do not name: every kept list is dropped once such a write has committed,
/// before it answers. Reads pass through: they never use kept lists.
/// </summary>
public sealed class CachingAdminTokenRepository(AdminTokenRepository inner, PushTokenListCache lists) : IAdminTokenRepository
{
    public Task<IReadOnlyList<PushTokenRecord>> ListByUserAsync(long userId, CancellationToken cancellationToken) =>
        inner.ListByUserAsync(userId, cancellationToken);

    public Task<IReadOnlyList<PushTokenRecord>> ListByUsersAsync(TokenKind kind, IReadOnlyCollection<long> userIds, CancellationToken cancellationToken) =>
        inner.ListByUsersAsync(kind, userIds, cancellationToken);

    public Task<RegistryCounts> CountAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.CountAsync(now, cancellationToken);

    public Task<int> InvalidateAsync(PushTokenInvalidation invalidation, CancellationToken cancellationToken) =>
        InvalidateAllAfterAsync(inner.InvalidateAsync(invalidation, cancellationToken));

    public Task<int> DeleteStaleBatchAsync(DateTimeOffset updatedBefore, int batchSize, CancellationToken cancellationToken) =>
        InvalidateAllAfterAsync(inner.DeleteStaleBatchAsync(updatedBefore, batchSize, cancellationToken));

    private async Task<int> InvalidateAllAfterAsync(Task<int> write)
    {
        var deleted = await write;
        if (lists.Enabled)
        {
            lists.InvalidateAll();
        }

        return deleted;
    }
}
