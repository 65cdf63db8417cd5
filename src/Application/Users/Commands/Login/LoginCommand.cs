using System.Text.Json.Serialization;
using Mediator;
using PushTokenService.Application.Common.Json;

namespace PushTokenService.Application.Users.Commands.Login;

/// <summary>POST /v1/api/user/login.</summary>
public sealed record LoginCommand(JsonField Username, JsonField Password) : ICommand<LoginResponse>, IHasCredentials;

public sealed record LoginResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_at")] DateTime ExpiresAt);
