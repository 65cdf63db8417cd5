using Mediator;
using PushTokenService.Domain.Users;

namespace PushTokenService.Application.Users.Queries.AuthenticateSession;

/// <summary>The session a request's token opens, or 401 <c>no token</c> / <c>invalid token</c>.</summary>
public sealed record AuthenticateSessionQuery(string? Token) : IQuery<Session>;
