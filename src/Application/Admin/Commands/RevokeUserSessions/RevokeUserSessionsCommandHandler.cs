using Mediator;
using PushTokenService.Application.Common.Interfaces;

namespace PushTokenService.Application.Admin.Commands.RevokeUserSessions;

public sealed class RevokeUserSessionsCommandHandler(ISessionRepository sessions)
    : ICommandHandler<RevokeUserSessionsCommand, RevokedSessionsResponse>
{
    public async ValueTask<RevokedSessionsResponse> Handle(RevokeUserSessionsCommand command, CancellationToken cancellationToken) =>
        new(await sessions.RevokeAllAsync(command.UserId, cancellationToken));
}
