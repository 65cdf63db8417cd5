using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push.Fcm;

public static class FcmServiceCollectionExtensions
{
    /// <summary>
    /// The FCM channel for every app with <c>Push:Apps:{bundleid}:Fcm:ServiceAccountFile</c>; a file that is missing or
    /// not a service account's key stops the service at start with a message naming that key.
    /// </summary>
    public static IServiceCollection AddFcmChannel(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPushChannel<FcmChannel, FcmOptions, FcmOptionsValidator>(
            PushChannel.Fcm, options => options.Read(configuration), FcmChannel.HttpClientName, FcmChannel.TokenHttpClientName);
}
