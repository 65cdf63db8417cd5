namespace PushTokenService.Domain.PushTokens;

/// <summary>The writable fields of a record after validation and defaults.</summary>
public sealed record PushTokenValues(
    string PushToken,
    string Language,
    int Dev,
    string BundleId,
    string Os,
    string OsToken,
    string PushPlatform);
