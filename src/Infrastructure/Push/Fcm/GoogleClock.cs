using Google.Apis.Util;

namespace PushTokenService.Infrastructure.Push.Fcm;

/// <summary>The service's clock as Google's credential reads it: the access token's age and the assertion's <c>iat</c>.</summary>
public sealed class GoogleClock(TimeProvider clock) : IClock
{
    public DateTime Now => clock.GetLocalNow().DateTime;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
}
