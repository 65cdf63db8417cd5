using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Infrastructure.Persistence.Repositories;

namespace PushTokenService.Infrastructure.Persistence.Caching;

/// <summary>
/// Serves a user's list from <see cref="PushTokenListCache"/> where lists are kept. A write's task completes only after its
/// commit: the lists it changed (the caller's, and those of a user it took a token from) are invalidated then, before it
/// answers, so a list read before the commit is never served after it.
/// </summary>
public sealed class CachingPushTokenRepository(PushTokenRepository inner, PushTokenListCache lists) : IPushTokenRepository
{
    public Task<IReadOnlyList<PushTokenRecord>> ListAsync(long userId, TokenKind kind, CancellationToken cancellationToken)
    {
        if (!lists.Enabled)
        {
            return inner.ListAsync(userId, kind, cancellationToken);
        }

        return lists.TryGet(userId, kind, out var cached) ? Task.FromResult(cached) : ReadAndKeepAsync(userId, kind, cancellationToken);
    }

    public Task<AddPushTokenOutcome> AddAsync(
        long userId, long sessionId, TokenKind kind, PushTokenValues values, int maxPerKind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = inner.AddAsync(userId, sessionId, kind, values, maxPerKind, now, cancellationToken);
        return lists.Enabled ? InvalidateAfterAsync(added, userId) : added;
    }

    public Task<UpdatePushTokenOutcome> UpdateAsync(
        long userId, long sessionId, TokenKind kind, long id, Func<PushTokenRecord, PushTokenValues> change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var updated = inner.UpdateAsync(userId, sessionId, kind, id, change, now, cancellationToken);
        return lists.Enabled ? InvalidateAfterAsync(updated, userId) : updated;
    }

    public Task<bool> DeleteAsync(long userId, TokenKind kind, long id, CancellationToken cancellationToken)
    {
        var deleted = inner.DeleteAsync(userId, kind, id, cancellationToken);
        return lists.Enabled ? InvalidateAfterAsync(deleted, userId) : deleted;
    }

    private async Task<IReadOnlyList<PushTokenRecord>> ReadAndKeepAsync(long userId, TokenKind kind, CancellationToken cancellationToken)
    {
        var stamp = lists.Begin(userId);
        var records = await inner.ListAsync(userId, kind, cancellationToken);
        lists.Store(userId, kind, stamp, records);
        return records;
    }

    /// <summary>Once <paramref name="write"/> has committed: the caller's lists, and those of the user a token moved from.</summary>
    private async Task<T> InvalidateAfterAsync<T>(Task<T> write, long userId)
    {
        var outcome = await write;
        lists.Invalidate(userId);
        var movedFrom = outcome switch
        {
            AddPushTokenOutcome.Created created => created.MovedFromUserId,
            UpdatePushTokenOutcome.Updated updated => updated.MovedFromUserId,
            _ => null,
        };
        if (movedFrom is { } other)
        {
            lists.Invalidate(other);
        }

        return outcome;
    }
}
