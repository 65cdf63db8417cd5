using System.Data.Common;

namespace PushTokenService.Infrastructure.Persistence.Repositories;

/// <summary>A push_tokens row as read from the database: times are Unix milliseconds (UTC) in both providers.</summary>
public sealed class PushTokenRow
{
    /// <summary>The push_tokens columns this row is read from, in both providers, in the order <see cref="Read"/> expects.</summary>
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

    /// <summary>The current row of a reader over <see cref="Columns"/>, by position: the hot queries skip Dapper's name matching.</summary>
    public static PushTokenRow Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        UserId = reader.GetInt64(1),
        Kind = reader.GetInt32(2),
        PushToken = reader.GetString(3),
        Language = reader.GetString(4),
        Dev = reader.GetInt32(5),
        Bundleid = reader.GetString(6),
        Os = reader.GetString(7),
        OsToken = reader.GetString(8),
        PushPlatform = reader.GetString(9),
        CreatedAt = reader.GetInt64(10),
        UpdatedAt = reader.GetInt64(11),
    };
}
