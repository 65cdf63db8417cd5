using System.Text.Json.Serialization;
using PushTokenService.Application.Delivery.Commands.SendPush;
using PushTokenService.Application.PushTokens.Common;
using PushTokenService.Application.Users.Commands.Login;
using PushTokenService.Application.Users.Commands.RegisterUser;

namespace PushTokenService.Api.Http;

/// <summary>Serializers generated at compile time for the hot responses; other types fall back to reflection.</summary>
[JsonSerializable(typeof(PushTokenResponse))]
[JsonSerializable(typeof(IReadOnlyList<PushTokenResponse>))]
[JsonSerializable(typeof(RegisteredUserResponse))]
[JsonSerializable(typeof(LoginResponse))]
[JsonSerializable(typeof(SendPushResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
