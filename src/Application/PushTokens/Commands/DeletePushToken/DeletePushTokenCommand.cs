using Mediator;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Domain.Users;

namespace PushTokenService.Application.PushTokens.Commands.DeletePushToken;

/// <summary>DELETE /v1/api/user/token/{id} and /v1/api/user/message/token/{id}.</summary>
public sealed record DeletePushTokenCommand(TokenKind Kind, Session Caller, long Id) : ICommand;
