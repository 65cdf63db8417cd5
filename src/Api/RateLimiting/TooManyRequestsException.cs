namespace PushTokenService.Api.RateLimiting;

/// <summary>A rate limit was reached: 429 <c>too many requests</c> with Retry-After.</summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter) : Exception("too many requests")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
