namespace PushTokenService.Domain.PushTokens;

/// <summary>How a PUT rewrites a record: a field that was not sent keeps the record's value, never a default.</summary>
public static class PutMerge
{
    /// <summary>
    /// push_token and language are always sent and replaced. dev, bundleid and os are replaced when sent, else kept.
    /// os_token and push_platform name one vendor channel together: both replaced when push_platform is sent, else both kept.
    /// </summary>
    public static PushTokenValues Apply(PushTokenRecord existing, SentPushTokenFields sent) => new(
        sent.PushToken,
        sent.Language,
        sent.Dev ?? existing.Dev,
        sent.BundleId ?? existing.BundleId,
        sent.Os ?? existing.Os,
        sent.PushPlatform is null ? existing.OsToken : sent.OsToken ?? string.Empty,
        sent.PushPlatform is { } platform ? PushTokenRules.NormalizePushPlatform(platform) : existing.PushPlatform);
}
