using Mediator;
using PushTokenService.Application.Common.Interfaces;

namespace PushTokenService.Application.Users.Commands.Logout;

public sealed class LogoutCommandHandler(ISessionRepository sessions) : ICommandHandler<LogoutCommand>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        await sessions.RevokeAsync(command.Caller.Id, cancellationToken);
        return Unit.Value;
    }
}
