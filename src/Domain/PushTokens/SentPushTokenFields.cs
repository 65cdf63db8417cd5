namespace PushTokenService.Domain.PushTokens;

/// <summary>
/// The record fields of a valid POST or PUT body. An optional field is null when it was not sent: missing, JSON null or
/// the empty string all count as not sent.
/// </summary>
public readonly record struct SentPushTokenFields(
    string PushToken,
    string Language,
    int? Dev,
    string? BundleId,
    string? Os,
    string? OsToken,
    string? PushPlatform);
