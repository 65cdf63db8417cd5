namespace PushTokenService.Domain.PushTokens;

/// <summary>One registered push token of one user, of one kind.</summary>
public sealed record PushTokenRecord(
    long Id,
    long UserId,
    TokenKind Kind,
    string PushToken,
    string Language,
    int Dev,
    string BundleId,
    string Os,
    string OsToken,
    string PushPlatform,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
