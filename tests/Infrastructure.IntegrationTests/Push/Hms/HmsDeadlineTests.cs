using Microsoft.Extensions.Time.Testing;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;
using PushTokenService.FakeProviders.Hms;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Hms;

/// <summary>A send never waits past its deadline on the service's clock.</summary>
public sealed class HmsDeadlineTests : HmsChannelFixture
{
    private readonly FakeTimeProvider _clock = Pushes.FakeClock();

    protected override TimeProvider Clock => _clock;

    [Test]
    public async Task Unanswered_request_fails_its_tokens_at_the_deadline()
    {
        Bed.Fake.Script("silent", HmsScript.Never);
        var send = Bed.SendAsync(Pushes.Ring(_clock, TimeSpan.FromSeconds(10)), HmsTestBed.Target(1, "silent"), HmsTestBed.Target(2, "other"));
        await Bed.Fake.Http.WaitForRequestsAsync(2);

        var (waitingBeforeTheDeadline, deliveries) = await PassTheDeadlineAsync(_clock, send, TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(waitingBeforeTheDeadline, Is.True);
            Assert.That(deliveries, Is.EqualTo(new[]
            {
                new PushDelivery(1, PushOutcome.Failed, "deadline"),
                new PushDelivery(2, PushOutcome.Failed, "deadline"),
            }));
        });
    }
}
