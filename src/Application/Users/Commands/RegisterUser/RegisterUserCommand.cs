using System.Text.Json.Serialization;
using Mediator;
using PushTokenService.Application.Common.Json;

namespace PushTokenService.Application.Users.Commands.RegisterUser;

/// <summary>POST /v1/api/user/register.</summary>
public sealed record RegisterUserCommand(JsonField Username, JsonField Password) : ICommand<RegisteredUserResponse>, IHasCredentials;

public sealed record RegisteredUserResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("username")] string Username);
