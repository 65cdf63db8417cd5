using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.Common.Metrics;

namespace PushTokenService.Infrastructure.Push.Apns;

public static class ApnsServiceCollectionExtensions
{
    /// <summary>How long one HTTP/2 connection to APNs serves before a new one picks up DNS changes.</summary>
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The APNs channel with the apps of <c>Push:Apps:{bundleid}:Apns</c> and the endpoints of <c>Push:Apns</c>. The apps'
    /// credentials are checked when the host starts: a missing or unreadable key stops it.
    /// </summary>
    public static IServiceCollection AddApnsChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApnsOptions>()
            .Configure(options => Bind(configuration, options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApnsOptions>, ApnsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<DeliveryMetrics>();
        services.AddSingleton<ApnsCredentials>();
        services.AddSingleton<ApnsChannel>();
        services.AddSingleton<IPushChannel>(provider => provider.GetRequiredService<ApnsChannel>());

        // The request URI holds the device token: the factory's request logging would write it out.
        services.AddHttpClient(ApnsChannel.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionLifetime = ConnectionLifetime,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        return services;
    }

    private static void Bind(IConfiguration configuration, ApnsOptions options)
    {
        configuration.GetSection(ApnsOptions.EndpointsSection).Bind(options);
        foreach (var app in configuration.GetSection(ApnsOptions.AppsSection).GetChildren())
        {
            var apns = app.GetSection("Apns");
            if (apns.Exists())
            {
                options.Apps[app.Key] = apns.Get<ApnsAppOptions>() ?? new ApnsAppOptions();
            }
        }
    }
}
