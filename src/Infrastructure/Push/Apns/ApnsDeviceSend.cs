using PushTokenService.Application.Common.Metrics;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push.Apns;

/// <summary>
/// One target's requests within one send: the same <c>apns-id</c> on every try, one new provider token and one more
/// request after <c>ExpiredProviderToken</c>, and whether APNs ever answered (to tell <c>unreachable</c> from <c>deadline</c>).
/// </summary>
public sealed class ApnsDeviceSend(
    HttpClient client,
    ApnsRequestTemplate template,
    string bundleId,
    Uri device,
    ApnsProviderToken providerToken,
    DeliveryMetrics metrics,
    TimeProvider clock)
{
    private bool _renewed;
    private bool _answered;
    private bool _connectionFailed;

    public string ApnsId { get; } = Guid.NewGuid().ToString();

    /// <summary>No attempt reached APNs: every one failed to connect.</summary>
    public bool Unreachable => _connectionFailed && !_answered;

    /// <summary>One try as the retry rule sees it.</summary>
    public async ValueTask<ApnsAnswer> SendAsync(CancellationToken cancellationToken)
    {
        var jwt = providerToken.Current();
        var answer = await CallAsync(jwt, cancellationToken);
        if (answer.IsExpiredProviderToken && !_renewed)
        {
            _renewed = true;
            answer = await CallAsync(providerToken.Renew(jwt), cancellationToken);
        }

        return answer;
    }

    private async Task<ApnsAnswer> CallAsync(string jwt, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var status = 0;
        try
        {
            using var request = template.Create(device, bundleId, ApnsId, jwt);
            using var response = await client.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            _answered = true;
            return await ApnsAnswer.ReadAsync(response, clock.GetUtcNow(), cancellationToken);
        }
        catch (HttpRequestException)
        {
            _connectionFailed = true;
            throw;
        }
        finally
        {
            metrics.RecordProviderCall(PushChannel.Apns, clock.GetElapsedTime(started), status);
        }
    }
}
