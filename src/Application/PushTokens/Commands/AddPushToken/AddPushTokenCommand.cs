using Mediator;
using PushTokenService.Application.PushTokens.Common;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Domain.Users;

namespace PushTokenService.Application.PushTokens.Commands.AddPushToken;

/// <summary>POST /v1/api/user/token and /v1/api/user/message/token.</summary>
public sealed record AddPushTokenCommand(TokenKind Kind, Session Caller, PushTokenFields Fields)
    : ICommand<PushTokenResponse>, IHasPushTokenFields;
