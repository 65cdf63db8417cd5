using Mediator;
using PushTokenService.Application.PushTokens.Common;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Domain.Users;

namespace PushTokenService.Application.PushTokens.Queries.ListPushTokens;

/// <summary>GET /v1/api/user/token and /v1/api/user/message/token.</summary>
public sealed record ListPushTokensQuery(TokenKind Kind, Session Caller) : IQuery<IReadOnlyList<PushTokenResponse>>;
