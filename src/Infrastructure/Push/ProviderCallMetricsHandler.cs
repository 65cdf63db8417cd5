using PushTokenService.Application.Common.Metrics;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push;

/// <summary>Times each HTTP call to a provider (sends and access-token requests alike) with the status it answered.</summary>
public sealed class ProviderCallMetricsHandler(PushChannel channel, DeliveryMetrics metrics, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var status = 0;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            return response;
        }
        finally
        {
            metrics.RecordProviderCall(channel, clock.GetElapsedTime(started), status);
        }
    }
}
