namespace PushTokenService.Infrastructure.Persistence;

/// <summary>A push_tokens row as Dapper reads it: times are Unix milliseconds (UTC) in both providers.</summary>
public sealed class PushTokenRow
{
    /// <summary>The push_tokens columns this row is read from, in both providers.</summary>
    public const string Columns =
        "id, user_id, kind, push_token, language, dev, bundleid, os, os_token, push_platform, created_at, updated_at";

    public long Id { get; init; }

    public long UserId { get; init; }

    public int Kind { get; init; }

    public string PushToken { get; init; } = "";

    public string Language { get; init; } = "";

    public int Dev { get; init; }

    public string Bundleid { get; init; } = "";

    public string Os { get; init; } = "";

    public string OsToken { get; init; } = "";

    public string PushPlatform { get; init; } = "";

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; init; }
}
