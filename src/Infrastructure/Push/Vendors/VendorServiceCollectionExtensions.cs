using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push.Vendors;

public static class VendorServiceCollectionExtensions
{
    /// <summary>The Chinese vendors' channels, each <c>unsupported</c> until it has a folder of its own.</summary>
    public static IServiceCollection AddUnsupportedVendorChannels(this IServiceCollection services)
    {
        foreach (var channel in new[] { PushChannel.Xiaomi, PushChannel.Oppo, PushChannel.Vivo, PushChannel.Honor, PushChannel.Meizu })
        {
            services.AddSingleton<IPushChannel>(new UnsupportedChannel(channel));
        }

        return services;
    }
}
