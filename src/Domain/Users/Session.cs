namespace PushTokenService.Domain.Users;

/// <summary>
/// A live login of one user on one phone. Logging out ends it and deletes the records (both kinds) last written through
/// it: the phone leaves with its login. Revoking all of a user's sessions ends the logins only; the records stay.
/// </summary>
public sealed record Session(long Id, long UserId, DateTimeOffset ExpiresAt)
{
    public bool IsLiveAt(DateTimeOffset now) => now < ExpiresAt;
}
