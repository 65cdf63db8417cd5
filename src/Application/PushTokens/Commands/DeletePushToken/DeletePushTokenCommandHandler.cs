using Mediator;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;

namespace PushTokenService.Application.PushTokens.Commands.DeletePushToken;

public sealed class DeletePushTokenCommandHandler(IPushTokenRepository repository)
    : ICommandHandler<DeletePushTokenCommand>
{
    public async ValueTask<Unit> Handle(DeletePushTokenCommand command, CancellationToken cancellationToken)
    {
        var deleted = await repository.DeleteAsync(command.Caller.UserId, command.Kind, command.Id, cancellationToken);
        return deleted ? Unit.Value : throw new NotFoundException();
    }
}
