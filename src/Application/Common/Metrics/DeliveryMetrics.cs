using System.Diagnostics;
using System.Diagnostics.Metrics;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Application.Common.Metrics;

/// <summary>
/// The delivery's instruments (API.md section 10.4): pushes per channel and outcome, and the time of each provider call.
/// The host exports the meter <see cref="MeterName"/> at <c>/metrics</c>.
/// </summary>
public sealed class DeliveryMetrics
{
    public const string MeterName = "PushTokenService.Delivery";

    private readonly Counter<long> _pushes;
    private readonly Histogram<double> _providerCalls;

    public DeliveryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _pushes = meter.CreateCounter<long>("push.deliveries", unit: "{push}", description: "Pushes by channel and outcome.");
        _providerCalls = meter.CreateHistogram<double>(
            "push.provider.duration", unit: "s", description: "The time of one provider HTTP call, retries counted apart.");
    }

    public void RecordOutcome(PushChannel channel, PushOutcome outcome) =>
        _pushes.Add(1, new TagList { { "channel", channel.Name() }, { "outcome", outcome.Name() } });

    /// <param name="status">The HTTP status the provider answered, or 0 when no answer came (connection failure, deadline).</param>
    public void RecordProviderCall(PushChannel channel, TimeSpan elapsed, int status) =>
        _providerCalls.Record(elapsed.TotalSeconds, new TagList { { "channel", channel.Name() }, { "status", status } });
}
