using PushTokenService.Domain.Delivery;
using PushTokenService.FakeProviders.Hms;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Hms;

/// <summary>HTTP 503 and <c>81000001</c> are tried again until the send's deadline; what is unanswered then fails.</summary>
public sealed class HmsRetryTests : HmsChannelFixture
{
    [TestCase(HmsScript.ServiceUnavailableOnce, TestName = "Service_unavailable_request_is_sent_again")]
    [TestCase(HmsScript.BusyOnce, TestName = "Busy_request_is_sent_again")]
    public async Task Transient_refusal_is_tried_again(HmsScript script)
    {
        Bed.Fake.Script("a", script);

        var deliveries = await Bed.SendAsync(Pushes.Ring(), HmsTestBed.Target(1, "a"), HmsTestBed.Target(2, "b"));

        Assert.Multiple(() =>
        {
            Assert.That(deliveries.Select(delivery => delivery.Outcome), Is.All.EqualTo(PushOutcome.Sent));
            Assert.That(Bed.Fake.Sends, Has.Count.EqualTo(2));
        });
    }
}
