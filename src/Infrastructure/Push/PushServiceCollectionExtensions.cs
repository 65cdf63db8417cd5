using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Application.Common.Metrics;
using PushTokenService.Application.Common.Options;
using PushTokenService.Infrastructure.Push.Apns;
using PushTokenService.Infrastructure.Push.Fcm;
using PushTokenService.Infrastructure.Push.Hms;
using PushTokenService.Infrastructure.Push.Vendors;

namespace PushTokenService.Infrastructure.Push;

public static class PushServiceCollectionExtensions
{
    /// <summary>
    /// The send's deadline (validated at start), the delivery metrics and one <c>IPushChannel</c> per provider; each
    /// provider's folder registers its own channel and its per-app credentials.
    /// </summary>
    public static IServiceCollection AddPushDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PushDeliveryOptions>()
            .Bind(configuration.GetSection(PushDeliveryOptions.Section))
            .Validate(
                options => options.IsValid,
                $"{PushDeliveryOptions.Section}:{nameof(PushDeliveryOptions.DeadlineSeconds)} must be above 0 and at most {PushDeliveryOptions.MaxDeadlineSeconds}")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<DeliveryMetrics>();
        services.AddFcmChannel(configuration);
        services.AddHmsChannel(configuration);
        services.AddUnsupportedVendorChannels();
        services.AddApnsChannel(configuration);
        return services;
    }
}
