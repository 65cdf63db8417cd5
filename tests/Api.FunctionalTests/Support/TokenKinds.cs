namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>The two kinds of push token (API.md section 3): the same rules, separate collections.</summary>
public static class TokenKinds
{
    /// <summary>Fixture arguments: the kind's collection path, then the other kind's.</summary>
    public static readonly object[] Both =
    [
        new object[] { ApiClient.RingPath, ApiClient.MessagePath },
        new object[] { ApiClient.MessagePath, ApiClient.RingPath },
    ];
}
