using System.Text.Json.Serialization;

namespace PushTokenService.Application.PushTokens.Common;

/// <summary>A record as returned to its owner (API.md section 3).</summary>
public sealed record PushTokenResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("push_token")] string PushToken,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("dev")] int Dev,
    [property: JsonPropertyName("bundleid")] string BundleId,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("os_token")] string OsToken,
    [property: JsonPropertyName("push_platform")] string PushPlatform,
    [property: JsonPropertyName("created_at")] DateTime CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTime UpdatedAt);
