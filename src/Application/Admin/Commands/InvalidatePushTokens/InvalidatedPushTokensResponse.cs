using System.Text.Json.Serialization;

namespace PushTokenService.Application.Admin.Commands.InvalidatePushTokens;

/// <summary>How many records were deleted: 0 when none matched (the call is idempotent).</summary>
public sealed record InvalidatedPushTokensResponse([property: JsonPropertyName("deleted")] int Deleted);
