using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PushTokenService.Application.Admin.Commands.InvalidatePushTokens;
using PushTokenService.Application.Admin.Common;
using PushTokenService.Application.Admin.Queries.LookupPushTokens;
using PushTokenService.Application.Delivery.Commands.SendPush;
using PushTokenService.Application.PushTokens.Commands.AddPushToken;
using PushTokenService.Application.PushTokens.Commands.UpdatePushToken;
using PushTokenService.Application.Users.Commands.Login;
using PushTokenService.Application.Users.Commands.RegisterUser;

namespace PushTokenService.Application;

public static class DependencyInjection
{
    /// <summary>Validators, the clock and the internal API's keys. The mediator itself is added by the host, which runs its source generator.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidator<RegisterUserCommand>, RegisterUserCommandValidator>();
        services.AddSingleton<IValidator<LoginCommand>, LoginCommandValidator>();
        services.AddSingleton<IValidator<AddPushTokenCommand>, AddPushTokenCommandValidator>();
        services.AddSingleton<IValidator<UpdatePushTokenCommand>, UpdatePushTokenCommandValidator>();
        services.AddSingleton<IValidator<LookupPushTokensQuery>, LookupPushTokensQueryValidator>();
        services.AddSingleton<IValidator<InvalidatePushTokensCommand>, InvalidatePushTokensCommandValidator>();
        services.AddSingleton<IValidator<SendPushCommand>, SendPushCommandValidator>();
        services.AddSingleton<AdminApiKeys>();
        return services;
    }
}
