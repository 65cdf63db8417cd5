using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.Common.Options;
using PushTokenService.Domain.Users;
using PushTokenService.Infrastructure.Persistence.Repositories;

namespace PushTokenService.Infrastructure.Persistence.Caching;

/// <summary>
/// Keeps the sessions that opened recent requests in memory for <see cref="SessionTokenOptions.CacheSeconds"/>,
/// so that the hot path does not read the sessions table on every request. Logout on this instance drops the
/// entry at once; a logout or revocation on another instance is seen here within that many seconds.
/// Unknown tokens are never cached, and expiry is still checked by the caller on every request.
/// A logout deletes the records written through the session: its user's kept lists are invalidated once it has committed.
/// </summary>
public sealed class CachingSessionRepository(
    SessionRepository inner, PushTokenListCache lists, IOptions<SessionTokenOptions> options, TimeProvider clock)
    : ISessionRepository
{
    /// <summary>A flood of distinct valid tokens cannot grow the cache past this; it starts again empty.</summary>
    public const int MaxEntries = 100_000;

    private readonly BoundedMap<Key, CachedSession> _sessions = new(MaxEntries);
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.CacheSeconds);

    public Task<long> AddAsync(long userId, byte[] tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        inner.AddAsync(userId, tokenHash, createdAt, expiresAt, cancellationToken);

    public async Task<Session?> FindByTokenHashAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        if (_lifetime <= TimeSpan.Zero || tokenHash.Length != Key.Length)
        {
            return await inner.FindByTokenHashAsync(tokenHash, cancellationToken);
        }

        var key = Key.Of(tokenHash);
        var now = clock.GetUtcNow();
        if (_sessions.TryGetValue(key, out var cached) && cached.FreshUntil > now)
        {
            return cached.Session;
        }

        var session = await inner.FindByTokenHashAsync(tokenHash, cancellationToken);
        if (session is null)
        {
            _sessions.TryRemove(key);
            return null;
        }

        _sessions.Set(key, new CachedSession(session, now + _lifetime));
        return session;
    }

    public async Task<int> RevokeAsync(long sessionId, CancellationToken cancellationToken)
    {
        var owner = lists.Enabled ? await inner.FindUserOfSessionAsync(sessionId, cancellationToken) : null;
        var revoked = await RevokeAndForgetAsync(() => inner.RevokeAsync(sessionId, cancellationToken), session => session.Id == sessionId);
        if (owner is { } userId)
        {
            lists.Invalidate(userId);
        }

        return revoked;
    }

    public Task<int> RevokeAllAsync(long userId, CancellationToken cancellationToken) =>
        RevokeAndForgetAsync(() => inner.RevokeAllAsync(userId, cancellationToken), session => session.UserId == userId);

    public Task<int> DeleteExpiredBatchAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        inner.DeleteExpiredBatchAsync(now, batchSize, cancellationToken);

    /// <summary>Drops the matching sessions of this instance before and after the revocation, so that no lookup racing it keeps one.</summary>
    private async Task<int> RevokeAndForgetAsync(Func<Task<int>> revoke, Func<Session, bool> match)
    {
        Forget(match);
        var revoked = await revoke();
        Forget(match);
        return revoked;
    }

    private void Forget(Func<Session, bool> match)
    {
        foreach (var (key, entry) in _sessions)
        {
            if (match(entry.Session))
            {
                _sessions.TryRemove(key);
            }
        }
    }

    private sealed record CachedSession(Session Session, DateTimeOffset FreshUntil);

    /// <summary>
    /// A SHA-256 token hash as four numbers: no string per request, and 32 bytes per cached session instead of a string
    /// and its object. Other lengths are not cached.
    /// </summary>
    private readonly record struct Key(long A, long B, long C, long D)
    {
        public const int Length = 32;

        public static Key Of(byte[] hash)
        {
            var words = MemoryMarshal.Cast<byte, long>(hash.AsSpan(0, Length));
            return new Key(words[0], words[1], words[2], words[3]);
        }
    }
}
