namespace PushTokenService.Domain.PushTokens;

/// <summary>
/// A push token (of one kind and bundle id) is held by one record at a time, and belongs to whoever registered it last:
/// a phone that changes hands rings its new owner only. The unique index decides who holds it, atomically.
/// </summary>
public static class TokenOwnership
{
    /// <summary>
    /// A POST of a token already held: the caller's own record is refreshed (updated_at and session) and nothing is
    /// created (409 with its id); another user's record is removed and the caller's created.
    /// </summary>
    public static HeldToken OnPost(long callerUserId, long holderUserId) =>
        holderUserId == callerUserId ? HeldToken.RefreshCallersRecord : HeldToken.MoveToCaller;

    /// <summary>
    /// A PUT to a token held by another record: another record of the caller's is a conflict (409 with its id); another
    /// user's record is removed and the caller's rewritten.
    /// </summary>
    public static HeldToken OnPut(long callerUserId, long holderUserId) =>
        holderUserId == callerUserId ? HeldToken.Conflict : HeldToken.MoveToCaller;
}

/// <summary>What a write does with a token that a record already holds.</summary>
public enum HeldToken
{
    /// <summary>The caller holds it: its record is kept alive, nothing is created.</summary>
    RefreshCallersRecord,

    /// <summary>Another user holds it: that record is removed, and the token is the caller's.</summary>
    MoveToCaller,

    /// <summary>Another record of the caller holds it: the write is refused.</summary>
    Conflict,
}
