using Microsoft.Extensions.Options;
using PushTokenService.Application.Common.Options;
using PushTokenService.Application.PushTokens.Common;

namespace PushTokenService.Application.PushTokens.Commands.AddPushToken;

public sealed class AddPushTokenCommandValidator(IOptions<PushTokenOptions> options)
    : PushTokenFieldsValidator<AddPushTokenCommand>(options);
