using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push;

public static class PushChannelRegistration
{
    /// <summary>
    /// Registers a channel whose options are read by <paramref name="read"/> and checked at start by
    /// <typeparamref name="TValidator"/>, with a named provider client for each of <paramref name="clientNames"/>
    /// (its sends and, where it has them, its access-token requests).
    /// </summary>
    public static IServiceCollection AddPushChannel<TChannel, TOptions, TValidator>(
        this IServiceCollection services, PushChannel channel, Action<TOptions> read, params string[] clientNames)
        where TChannel : class, IPushChannel
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Configure(read).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        foreach (var name in clientNames)
        {
            services.AddProviderHttpClient(name, channel);
        }

        services.AddSingleton<TChannel>();
        services.AddSingleton<IPushChannel>(provider => provider.GetRequiredService<TChannel>());
        return services;
    }
}
