using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PushTokenService.Api.RateLimiting;

/// <summary>
/// Counts FAILED logins per user name and per client address in fixed one-minute windows
/// (<c>RateLimits:LoginPerMinute</c>); once either is spent, login answers 429 until the window ends,
/// whatever the password. Successful logins cost nothing.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byUsername;
    private readonly PartitionedRateLimiter<string> _byAddress;

    public LoginThrottle(IOptions<RateLimitOptions> options)
    {
        var limit = options.Value.LoginPerMinute;
        _byUsername = Create(limit);
        _byAddress = Create(limit);
    }

    /// <summary>Throws <see cref="TooManyRequestsException"/> when the name or the address has no failures left.</summary>
    public void EnsureAllowed(string? username, string address)
    {
        using var byAddress = _byAddress.AttemptAcquire(address, 0);
        using var byUsername = _byUsername.AttemptAcquire(UsernameKey(username), 0);
        foreach (var lease in new[] { byAddress, byUsername })
        {
            if (!lease.IsAcquired)
            {
                throw new TooManyRequestsException(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1));
            }
        }
    }

    public void RecordFailure(string? username, string address)
    {
        _byAddress.AttemptAcquire(address).Dispose();
        _byUsername.AttemptAcquire(UsernameKey(username)).Dispose();
    }

    public void Dispose()
    {
        _byUsername.Dispose();
        _byAddress.Dispose();
    }

    // User names are compared case-insensitively, so are their failure counts.
    private static string UsernameKey(string? username) => (username ?? string.Empty).ToUpperInvariant();

    private static PartitionedRateLimiter<string> Create(int limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
}
