using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.Common.Interfaces;

/// <summary>Push-token records across all users: the internal API (API.md section 7) and the purge of stale records.</summary>
public interface IAdminTokenRepository
{
    /// <summary>A user's records of both kinds, ascending id.</summary>
    Task<IReadOnlyList<PushTokenRecord>> ListByUserAsync(long userId, CancellationToken cancellationToken);

    /// <summary>The records of one kind of every listed user, by user id then id, in one statement.</summary>
    Task<IReadOnlyList<PushTokenRecord>> ListByUsersAsync(TokenKind kind, IReadOnlyCollection<long> userIds, CancellationToken cancellationToken);

    /// <summary>Deletes the records that <paramref name="invalidation"/> matches; returns how many.</summary>
    Task<int> InvalidateAsync(PushTokenInvalidation invalidation, CancellationToken cancellationToken);

    /// <summary>Users, sessions live at <paramref name="now"/>, and records grouped by kind, push platform, bundle id and dev.</summary>
    Task<RegistryCounts> CountAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="batchSize"/> records updated before <paramref name="updatedBefore"/>, in one transaction.</summary>
    Task<int> DeleteStaleBatchAsync(DateTimeOffset updatedBefore, int batchSize, CancellationToken cancellationToken);
}

/// <summary>
/// Which records a sender's "this token is dead" removes: those of <see cref="Kind"/> holding the push token and/or the os token,
/// narrowed by bundle id and dev when given, and sparing records updated after <see cref="InvalidSince"/>.
/// </summary>
public sealed record PushTokenInvalidation(
    TokenKind Kind, string? PushToken, string? OsToken, string? BundleId, int? Dev, DateTimeOffset? InvalidSince);

public sealed record RegistryCounts(long Users, long LiveSessions, IReadOnlyList<PushTokenGroupCount> Groups);

/// <summary>How many records share one (kind, push_platform, bundleid, dev).</summary>
public sealed record PushTokenGroupCount(TokenKind Kind, string PushPlatform, string BundleId, int Dev, long Count);
