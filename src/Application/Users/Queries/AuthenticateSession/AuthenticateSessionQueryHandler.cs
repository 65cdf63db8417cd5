using Mediator;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Users;

namespace PushTokenService.Application.Users.Queries.AuthenticateSession;

public sealed class AuthenticateSessionQueryHandler(ISessionRepository sessions, ISessionTokens tokens, TimeProvider clock)
    : IQueryHandler<AuthenticateSessionQuery, Session>
{
    public async ValueTask<Session> Handle(AuthenticateSessionQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(query.Token))
        {
            throw new UnauthenticatedException(ErrorStrings.NoToken);
        }

        var session = await sessions.FindByTokenHashAsync(tokens.Hash(query.Token), cancellationToken);
        if (session is null || !session.IsLiveAt(clock.GetUtcNow()))
        {
            throw new UnauthenticatedException(ErrorStrings.InvalidToken);
        }

        return session;
    }
}
