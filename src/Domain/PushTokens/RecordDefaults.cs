namespace PushTokenService.Domain.PushTokens;

/// <summary>The values of a new record, the same for every channel: what was sent, and a default for each field that was not.</summary>
public static class RecordDefaults
{
    /// <summary>
    /// Dev 0 (an APNs production build), the configured <paramref name="defaultBundleId"/>, and "" for os, os_token and
    /// push_platform; a sent push_platform is stored upper-case.
    /// </summary>
    public static PushTokenValues NewRecord(SentPushTokenFields sent, string defaultBundleId) => new(
        sent.PushToken,
        sent.Language,
        sent.Dev ?? PushTokenRules.DevProduction,
        sent.BundleId ?? defaultBundleId,
        sent.Os ?? string.Empty,
        sent.OsToken ?? string.Empty,
        sent.PushPlatform is { } platform ? PushTokenRules.NormalizePushPlatform(platform) : string.Empty);
}
