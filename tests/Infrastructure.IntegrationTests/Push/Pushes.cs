using Microsoft.Extensions.Time.Testing;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Infrastructure.IntegrationTests.Push;

/// <summary>Messages and targets as the send handler gives them to a channel.</summary>
public static class Pushes
{
    /// <summary>A clock a test steps by hand.</summary>
    public static FakeTimeProvider FakeClock() => new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>A ring sent now on <paramref name="clock"/> (the system's by default), with its deadline that long after.</summary>
    public static PushMessage Ring(TimeProvider? clock = null, TimeSpan? deadline = null)
    {
        var sentAt = (clock ?? TimeProvider.System).GetUtcNow();
        return new PushMessage("push-ring-1", TokenKind.Ring, null, null, new Dictionary<string, string> { ["device_id"] = "door-7" }, 30, null,
            sentAt, sentAt + (deadline ?? TimeSpan.FromSeconds(10)));
    }

    /// <summary>A message with a title, a body and a collapse id, sent now.</summary>
    public static PushMessage Message()
    {
        var sentAt = TimeProvider.System.GetUtcNow();
        return new PushMessage("push-msg-1", TokenKind.Message, "Visitor", "Someone is at the door",
            new Dictionary<string, string> { ["event"] = "motion" }, 86400, "visitor", sentAt, sentAt + TimeSpan.FromSeconds(10));
    }

    /// <summary>A record of <paramref name="osToken"/> for <paramref name="bundleId"/>; <paramref name="dev"/> 1 is a development build.</summary>
    public static PushTarget Target(long tokenId, string osToken, string bundleId, string platform, int dev = 0, TokenKind kind = TokenKind.Ring)
    {
        var registered = DateTimeOffset.UnixEpoch;
        return new PushTarget(
            new PushTokenRecord(tokenId, 1, kind, $"push-{tokenId}", "en", dev, bundleId, "Android", osToken, platform, registered, registered),
            osToken);
    }
}
