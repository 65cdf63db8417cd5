using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push.Hms;

public static class HmsServiceCollectionExtensions
{
    /// <summary>
    /// The Huawei Push Kit channel for every app with <c>Push:Apps:{bundleid}:Hms</c>; an empty <c>AppId</c> or
    /// <c>ClientSecret</c> stops the service at start with a message naming that key.
    /// </summary>
    public static IServiceCollection AddHmsChannel(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPushChannel<HmsChannel, HmsOptions, HmsOptionsValidator>(
            PushChannel.Hms, options => options.Read(configuration), HmsChannel.HttpClientName, HmsChannel.TokenHttpClientName);
}
