using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using PushTokenService.Application.Common.Metrics;
using PushTokenService.FakeProviders.Apns;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Apns;

/// <summary>Every HTTP call to APNs is timed with its status (API.md section 10.4), retries each on their own.</summary>
public sealed class ApnsMetricsTests : ApnsChannelFixture
{
    [Test]
    public async Task Each_call_to_apns_is_recorded_with_its_status()
    {
        var statuses = new ConcurrentQueue<(string Channel, int Status)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == DeliveryMetrics.MeterName && instrument.Name == "push.provider.duration")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            var tagList = tags.ToArray();
            statuses.Enqueue(((string)tagList.Single(t => t.Key == "channel").Value!, (int)tagList.Single(t => t.Key == "status").Value!));
        });
        listener.Start();
        Bed.Production.Script("device", new ApnsFakeAnswer(HttpStatusCode.ServiceUnavailable), ApnsFakeAnswer.Sent);

        await Bed.SendAsync("device");

        Assert.That(statuses, Is.EqualTo(new[] { ("apns", 503), ("apns", 200) }));
    }
}
