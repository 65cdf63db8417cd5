using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.Common.Interfaces;

public interface IPushTokenRepository
{
    /// <summary>The caller's records of one kind, ascending id.</summary>
    Task<IReadOnlyList<PushTokenRecord>> ListAsync(long userId, TokenKind kind, CancellationToken cancellationToken);

    /// <summary>
    /// Registers a token, atomically: the unique key (kind, bundleid, push_token) decides.
    /// Held by the caller: its updated_at (and session) is refreshed and nothing is created.
    /// Held by another user: that record is removed and the caller's is created.
    /// Then the caller's records of that kind beyond <paramref name="maxPerKind"/> are evicted, least recently updated first.
    /// </summary>
    Task<AddPushTokenOutcome> AddAsync(
        long userId, long sessionId, TokenKind kind, PushTokenValues values, int maxPerKind, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Rewrites the caller's record <paramref name="id"/> of <paramref name="kind"/>, atomically.
    /// A token held by another record of the caller is a conflict; one held by another user moves to the caller.
    /// </summary>
    Task<UpdatePushTokenOutcome> UpdateAsync(
        long userId, long sessionId, TokenKind kind, long id, Func<PushTokenRecord, PushTokenValues> change, DateTimeOffset now, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(long userId, TokenKind kind, long id, CancellationToken cancellationToken);
}

public abstract record AddPushTokenOutcome
{
    public sealed record Created(PushTokenRecord Record) : AddPushTokenOutcome
    {
        /// <summary>The user whose record held the token until this write took it over; null when nobody held it.</summary>
        public long? MovedFromUserId { get; init; }
    }

    public sealed record AlreadyHeld(long ExistingId) : AddPushTokenOutcome;
}

public abstract record UpdatePushTokenOutcome
{
    public sealed record Updated(PushTokenRecord Record) : UpdatePushTokenOutcome
    {
        /// <summary>The user whose record held the new token until this write took it over; null when nobody else held it.</summary>
        public long? MovedFromUserId { get; init; }
    }

    public sealed record NotFound : UpdatePushTokenOutcome;

    public sealed record HeldByOtherRecord(long ExistingId) : UpdatePushTokenOutcome;
}
