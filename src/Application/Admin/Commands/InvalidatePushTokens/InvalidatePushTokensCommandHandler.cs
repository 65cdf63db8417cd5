using Mediator;
using PushTokenService.Application.Admin.Common;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.Common.Validation;

namespace PushTokenService.Application.Admin.Commands.InvalidatePushTokens;

public sealed class InvalidatePushTokensCommandHandler(IAdminTokenRepository repository)
    : ICommandHandler<InvalidatePushTokensCommand, InvalidatedPushTokensResponse>
{
    public async ValueTask<InvalidatedPushTokensResponse> Handle(InvalidatePushTokensCommand command, CancellationToken cancellationToken)
    {
        var invalidation = new PushTokenInvalidation(
            TokenKindNames.Parse(command.Kind.Text!),
            command.PushToken.OptionalText,
            command.OsToken.OptionalText,
            command.BundleId.OptionalText,
            command.Dev.IsInteger ? (int)command.Dev.Integer : null,
            command.InvalidSince.OptionalText is { } since ? IsoTimestamp.Parse(since) : null);
        return new InvalidatedPushTokensResponse(await repository.InvalidateAsync(invalidation, cancellationToken));
    }
}
