using System.Diagnostics.Metrics;
using PushTokenService.Application.Common.Metrics;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Hms;

/// <summary>Every HTTP call to the provider, the access-token request included, is timed with its channel and status.</summary>
public sealed class HmsProviderCallMetricsTests : HmsChannelFixture
{
    [Test]
    public async Task Token_request_and_send_are_each_timed_with_their_status()
    {
        var calls = new List<(string Channel, int Status)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DeliveryMetrics.MeterName && instrument.Name == "push.provider.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value);
            lock (calls)
            {
                calls.Add(((string)tagged["channel"]!, (int)tagged["status"]!));
            }
        });
        listener.Start();

        await Bed.SendAsync(Pushes.Ring(), HmsTestBed.Target(1, "a"));

        Assert.That(calls, Is.EquivalentTo(new[] { ("hms", 200), ("hms", 200) }));
    }
}
