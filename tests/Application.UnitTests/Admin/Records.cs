using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.UnitTests.Admin;

internal static class Records
{
    public static readonly DateTimeOffset Created = new(2025, 3, 1, 8, 30, 0, TimeSpan.Zero);

    public static PushTokenRecord Record(long id, long userId, TokenKind kind, string pushToken = "abc") =>
        new(id, userId, kind, pushToken, "en", 0, "com.lancens.app", "", "", "", Created, Created.AddDays(1));
}
