using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PushTokenService.Application.Common.Metrics;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push;

/// <summary>A named client of <see cref="IHttpClientFactory"/> for one provider's calls, timed per call.</summary>
public static class ProviderHttpClient
{
    /// <summary>Connections are replaced after this long, so that a provider's DNS changes are followed.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>Posts a JSON <paramref name="body"/> with <c>authorization: Bearer {accessToken}</c> as <see cref="SendNotingReachAsync"/> sends.</summary>
    public static async Task<HttpResponseMessage> PostJsonAsync(
        this HttpClient client, Uri uri, byte[] body, string accessToken, ProviderReach reach, CancellationToken cancellationToken)
    {
        // HTTP/2 where TLS negotiates it, HTTP/1.1 on a cleartext endpoint: the client's default version applies only to
        // the requests it builds itself.
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = client.DefaultRequestVersion,
            VersionPolicy = client.DefaultVersionPolicy,
        };
        request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await client.SendNotingReachAsync(request, reach, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="request"/>, the answer read whole, and notes in <paramref name="reach"/> whether the provider
    /// answered or could not be connected to.
    /// </summary>
    public static async Task<HttpResponseMessage> SendNotingReachAsync(
        this HttpClient client, HttpRequestMessage request, ProviderReach reach, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            reach.Answered();
            return response;
        }
        catch (HttpRequestException exception) when (reach.NoteFailure(exception))
        {
            throw;
        }
    }

    /// <summary>Whether a configured endpoint is one this client can call: an absolute http or https URL.</summary>
    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>
    /// Registers the client <paramref name="name"/>: HTTP/2 multiplexed over as many connections as the load needs
    /// (HTTP/1.1 where the endpoint speaks only that, as a cleartext test endpoint does), every call timed in
    /// <see cref="DeliveryMetrics"/> under <paramref name="channel"/>. The factory's per-request log lines are removed:
    /// a send logs one line of its own, and a provider's URL may hold a device token.
    /// </summary>
    public static IHttpClientBuilder AddProviderHttpClient(this IServiceCollection services, string name, PushChannel channel)
    {
        services.AddMetrics();
        services.TryAddSingleton<DeliveryMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        return services
            .AddHttpClient(name, client =>
            {
                client.DefaultRequestVersion = System.Net.HttpVersion.Version20;
                client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionLifetime = PooledConnectionLifetime,
                AllowAutoRedirect = false,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddHttpMessageHandler(provider => new ProviderCallMetricsHandler(
                channel, provider.GetRequiredService<DeliveryMetrics>(), provider.GetRequiredService<TimeProvider>()));
    }
}
