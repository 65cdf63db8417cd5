using Mediator;
using PushTokenService.Application.PushTokens.Common;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Domain.Users;

namespace PushTokenService.Application.PushTokens.Commands.UpdatePushToken;

/// <summary>PUT /v1/api/user/token/{id} and /v1/api/user/message/token/{id}.</summary>
public sealed record UpdatePushTokenCommand(TokenKind Kind, Session Caller, long Id, PushTokenFields Fields)
    : ICommand<PushTokenResponse>, IHasPushTokenFields;
