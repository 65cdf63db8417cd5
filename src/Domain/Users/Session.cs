namespace PushTokenService.Domain.Users;

/// <summary>A live login of one user on one phone.</summary>
public sealed record Session(long Id, long UserId, DateTimeOffset ExpiresAt)
{
    public bool IsLiveAt(DateTimeOffset now) => now < ExpiresAt;
}
