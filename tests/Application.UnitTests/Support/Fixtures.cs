using PushTokenService.Domain.PushTokens;
using PushTokenService.Domain.Users;

namespace PushTokenService.Application.UnitTests.Support;

/// <summary>The values the handler tests share.</summary>
public static class Fixtures
{
    public static readonly DateTimeOffset Now = new(2031, 5, 4, 10, 0, 0, TimeSpan.Zero);

    public const long CallerUserId = 7;

    public static readonly Session Caller = new(Id: 41, UserId: CallerUserId, ExpiresAt: Now.AddDays(30));

    /// <summary>A record with every field set, created three days and updated one day before <see cref="Now"/>; the caller's unless <paramref name="userId"/> says otherwise.</summary>
    public static PushTokenRecord Record(
        long id = 5,
        TokenKind kind = TokenKind.Ring,
        long userId = CallerUserId,
        string pushToken = "740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad") => new(
        id, userId, kind, pushToken, "zh-CN", 1, "com.example.app", "Huawei", "huawei-os-token", "HUAWEI", Now.AddDays(-3), Now.AddDays(-1));
}
