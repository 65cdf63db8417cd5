using Mediator;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.Common.Options;
using PushTokenService.Application.PushTokens.Common;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.PushTokens.Commands.AddPushToken;

public sealed class AddPushTokenCommandHandler(
    IPushTokenRepository repository, IOptions<PushTokenOptions> options, TimeProvider clock)
    : ICommandHandler<AddPushTokenCommand, PushTokenResponse>
{
    public async ValueTask<PushTokenResponse> Handle(AddPushTokenCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var values = RecordDefaults.NewRecord(command.Fields.ToSent(), settings.DefaultBundleId);
        var outcome = await repository.AddAsync(
            command.Caller.UserId, command.Caller.Id, command.Kind, values, settings.MaxRecordsPerKind,
            clock.GetUtcNow(), cancellationToken);

        return outcome switch
        {
            AddPushTokenOutcome.Created created => created.Record.ToResponse(),
            AddPushTokenOutcome.AlreadyHeld held => throw new ConflictException(ErrorStrings.Exists("push_token"), held.ExistingId),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}"),
        };
    }
}
