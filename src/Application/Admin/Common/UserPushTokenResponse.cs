using System.Text.Json.Serialization;

namespace PushTokenService.Application.Admin.Common;

/// <summary>A record as the user API returns it, plus the user that holds it (API.md section 7, lookup).</summary>
public sealed record UserPushTokenResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("user_id")] long UserId,
    [property: JsonPropertyName("push_token")] string PushToken,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("dev")] int Dev,
    [property: JsonPropertyName("bundleid")] string BundleId,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("os_token")] string OsToken,
    [property: JsonPropertyName("push_platform")] string PushPlatform,
    [property: JsonPropertyName("created_at")] DateTime CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTime UpdatedAt);
