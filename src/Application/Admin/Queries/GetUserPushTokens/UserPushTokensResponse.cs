using System.Text.Json.Serialization;
using PushTokenService.Application.PushTokens.Common;

namespace PushTokenService.Application.Admin.Queries.GetUserPushTokens;

/// <summary>A user's records by kind, each ascending id; both empty for an unknown user.</summary>
public sealed record UserPushTokensResponse(
    [property: JsonPropertyName("ring")] IReadOnlyList<PushTokenResponse> Ring,
    [property: JsonPropertyName("message")] IReadOnlyList<PushTokenResponse> Message);
