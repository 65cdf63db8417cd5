using Microsoft.Extensions.Options;
using PushTokenService.Application.Common.Options;
using PushTokenService.Application.PushTokens.Common;

namespace PushTokenService.Application.PushTokens.Commands.UpdatePushToken;

public sealed class UpdatePushTokenCommandValidator(IOptions<PushTokenOptions> options)
    : PushTokenFieldsValidator<UpdatePushTokenCommand>(options);
