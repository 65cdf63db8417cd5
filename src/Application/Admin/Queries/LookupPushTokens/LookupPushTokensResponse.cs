using System.Text.Json.Serialization;
using PushTokenService.Application.Admin.Common;

namespace PushTokenService.Application.Admin.Queries.LookupPushTokens;

/// <summary>The records found, by user id then id.</summary>
public sealed record LookupPushTokensResponse(
    [property: JsonPropertyName("tokens")] IReadOnlyList<UserPushTokenResponse> Tokens);
