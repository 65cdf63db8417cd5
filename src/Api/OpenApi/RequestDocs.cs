using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace PushTokenService.Api.OpenApi;

/// <summary>Register and login body (API.md section 2).</summary>
public sealed record CredentialsDoc(
    [property: JsonPropertyName("username"), Required, StringLength(64, MinimumLength = 3), RegularExpression("^[A-Za-z0-9_.@+-]+$")] string Username,
    [property: JsonPropertyName("password"), Required, StringLength(128, MinimumLength = 8)] string Password);

/// <summary>Push-token body (API.md section 3); PUT requires push_token and language only, like POST.</summary>
public sealed record PushTokenDoc(
    [property: JsonPropertyName("push_token"), Required, StringLength(256, MinimumLength = 1), RegularExpression("^[!-~]+$")] string PushToken,
    [property: JsonPropertyName("language"), Required, StringLength(11, MinimumLength = 2), RegularExpression("^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*$")] string Language,
    [property: JsonPropertyName("dev"), Range(0, 1)] int? Dev,
    [property: JsonPropertyName("bundleid"), StringLength(128), RegularExpression("^[A-Za-z0-9._-]+$")] string? BundleId,
    [property: JsonPropertyName("os"), StringLength(32)] string? Os,
    [property: JsonPropertyName("os_token"), StringLength(512), RegularExpression("^[!-~]+$")] string? OsToken,
    [property: JsonPropertyName("push_platform"), RegularExpression("(?i)^(HUAWEI|XIAOMI|OPPO|VIVO|HONOR|MEIZU|FCM)$")] string? PushPlatform);

/// <summary>Internal lookup body (API.md section 7): the records of one kind of 1 to 1000 users.</summary>
public sealed record LookupDoc(
    [property: JsonPropertyName("kind"), Required, RegularExpression("^(ring|message)$")] string Kind,
    [property: JsonPropertyName("user_ids"), Required, MinLength(1), MaxLength(1000)] long[] UserIds);

/// <summary>Internal invalidate body (API.md section 7): push_token or os_token, optionally scoped.</summary>
public sealed record InvalidateDoc(
    [property: JsonPropertyName("kind"), Required, RegularExpression("^(ring|message)$")] string Kind,
    [property: JsonPropertyName("push_token"), StringLength(256)] string? PushToken,
    [property: JsonPropertyName("os_token"), StringLength(512)] string? OsToken,
    [property: JsonPropertyName("bundleid"), StringLength(128)] string? BundleId,
    [property: JsonPropertyName("dev"), Range(0, 1)] int? Dev,
    [property: JsonPropertyName("invalid_since")] DateTimeOffset? InvalidSince);

/// <summary>Send body (API.md section 10.2): one push to every record of one kind of 1 to 1000 users.</summary>
public sealed record SendPushDoc(
    [property: JsonPropertyName("kind"), Required, RegularExpression("^(ring|message)$")] string Kind,
    [property: JsonPropertyName("user_ids"), Required, MinLength(1), MaxLength(1000)] long[] UserIds,
    [property: JsonPropertyName("title"), StringLength(128)] string? Title,
    [property: JsonPropertyName("body"), StringLength(1024)] string? Body,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, string>? Data,
    [property: JsonPropertyName("ttl_seconds"), Range(0, 2419200)] int? TtlSeconds,
    [property: JsonPropertyName("collapse_id"), StringLength(64, MinimumLength = 1)] string? CollapseId,
    [property: JsonPropertyName("bundleid"), StringLength(128), RegularExpression("^[A-Za-z0-9._-]+$")] string? BundleId,
    [property: JsonPropertyName("dry_run")] bool? DryRun);

/// <summary>Every error body: an RFC 9457 problem document with the contract's <c>error</c> string.</summary>
public sealed record ErrorDoc(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("id")] long? Id,
    [property: JsonPropertyName("traceId")] string TraceId);
