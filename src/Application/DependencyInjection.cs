using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PushTokenService.Application.PushTokens.Commands.AddPushToken;
using PushTokenService.Application.PushTokens.Commands.UpdatePushToken;
using PushTokenService.Application.Users.Commands.Login;
using PushTokenService.Application.Users.Commands.RegisterUser;

namespace PushTokenService.Application;

public static class DependencyInjection
{
    /// <summary>Validators and the clock. The mediator itself is added by the host, which runs its source generator.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidator<RegisterUserCommand>, RegisterUserCommandValidator>();
        services.AddSingleton<IValidator<LoginCommand>, LoginCommandValidator>();
        services.AddSingleton<IValidator<AddPushTokenCommand>, AddPushTokenCommandValidator>();
        services.AddSingleton<IValidator<UpdatePushTokenCommand>, UpdatePushTokenCommandValidator>();
        return services;
    }
}
