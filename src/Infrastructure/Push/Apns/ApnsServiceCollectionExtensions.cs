using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push.Apns;

public static class ApnsServiceCollectionExtensions
{
    /// <summary>
    /// The APNs channel with the apps of <c>Push:Apps:{bundleid}:Apns</c> and the endpoints of <c>Push:Apns</c>. The apps'
    /// credentials are checked when the host starts: a missing or unreadable key stops it.
    /// </summary>
    public static IServiceCollection AddApnsChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPushChannel<ApnsChannel, ApnsOptions, ApnsOptionsValidator>(
            PushChannel.Apns, options => Bind(configuration, options), ApnsChannel.HttpClientName);
        services.AddSingleton<ApnsCredentials>();
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
