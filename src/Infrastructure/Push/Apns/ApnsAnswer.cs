using System.Globalization;
using System.Net;
using System.Text.Json;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push.Apns;

/// <summary>What APNs answered to one request: the status, <c>apns-id</c>, and the JSON body's <c>reason</c> and <c>timestamp</c>.</summary>
public sealed record ApnsAnswer(HttpStatusCode Status, string? ApnsId, string? Reason, DateTimeOffset? Timestamp, TimeSpan? RetryAfter)
{
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>The provider token is older than APNs accepts: make a new one and send again.</summary>
    public bool IsExpiredProviderToken => Status == HttpStatusCode.Forbidden && Reason == "ExpiredProviderToken";

    public static async Task<ApnsAnswer> ReadAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var apnsId = response.Headers.TryGetValues("apns-id", out var ids) ? ids.FirstOrDefault() : null;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return new ApnsAnswer(response.StatusCode, apnsId, null, null, null);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var (reason, timestamp) = ParseError(body);
        return new ApnsAnswer(response.StatusCode, apnsId, reason, timestamp, ProviderRetry.RetryAfter(response, now));
    }

    /// <summary>
    /// The outcome (API.md section 10.3): 200 sent; 410 <c>Unregistered</c> / <c>ExpiredToken</c> and 400
    /// <c>BadDeviceToken</c> / <c>DeviceTokenNotForTopic</c> mean the token is dead; anything else failed with its reason,
    /// or its status code when the body gives none.
    /// </summary>
    /// <param name="sentApnsId">The <c>apns-id</c> the request carried, the provider id when the answer does not echo one.</param>
    public PushDelivery ToDelivery(long tokenId, string sentApnsId) => (Status, Reason) switch
    {
        (HttpStatusCode.OK, _) => new PushDelivery(tokenId, PushOutcome.Sent, ProviderId: ApnsId ?? sentApnsId),
        (HttpStatusCode.Gone, "Unregistered" or "ExpiredToken") =>
            new PushDelivery(tokenId, PushOutcome.Invalidated, Reason, InvalidSince: Timestamp),
        (HttpStatusCode.BadRequest, "BadDeviceToken" or "DeviceTokenNotForTopic") =>
            new PushDelivery(tokenId, PushOutcome.Invalidated, Reason),
        _ => new PushDelivery(tokenId, PushOutcome.Failed, Reason ?? ((int)Status).ToString(CultureInfo.InvariantCulture)),
    };

    private static (string? Reason, DateTimeOffset? Timestamp) ParseError(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var reason = document.RootElement.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            var timestamp = document.RootElement.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.Number
                && t.TryGetInt64(out var milliseconds) && milliseconds >= 0 && milliseconds <= MaxUnixMilliseconds
                ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                : (DateTimeOffset?)null;
            return (string.IsNullOrEmpty(reason) ? null : reason, timestamp);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
