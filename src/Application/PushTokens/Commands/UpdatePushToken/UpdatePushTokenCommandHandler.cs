using Mediator;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.PushTokens.Common;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.PushTokens.Commands.UpdatePushToken;

public sealed class UpdatePushTokenCommandHandler(IPushTokenRepository repository, TimeProvider clock)
    : ICommandHandler<UpdatePushTokenCommand, PushTokenResponse>
{
    public async ValueTask<PushTokenResponse> Handle(UpdatePushTokenCommand command, CancellationToken cancellationToken)
    {
        var sent = command.Fields.ToSent();
        var outcome = await repository.UpdateAsync(
            command.Caller.UserId, command.Caller.Id, command.Kind, command.Id, existing => PutMerge.Apply(existing, sent),
            clock.GetUtcNow(), cancellationToken);

        return outcome switch
        {
            UpdatePushTokenOutcome.Updated updated => updated.Record.ToResponse(),
            UpdatePushTokenOutcome.NotFound => throw new NotFoundException(),
            UpdatePushTokenOutcome.HeldByOtherRecord held => throw new ConflictException(ErrorStrings.Exists("push_token"), held.ExistingId),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}"),
        };
    }
}
