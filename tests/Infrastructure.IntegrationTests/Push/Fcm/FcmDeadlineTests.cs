using Microsoft.Extensions.Time.Testing;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;
using PushTokenService.FakeProviders.Fcm;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Fcm;

/// <summary>A send never waits past its deadline on the service's clock; what is unanswered then fails with <c>deadline</c>.</summary>
public sealed class FcmDeadlineTests : FcmChannelFixture
{
    private readonly FakeTimeProvider _clock = Pushes.FakeClock();

    protected override TimeProvider Clock => _clock;

    [Test]
    public async Task Unanswered_send_fails_at_the_deadline()
    {
        Bed.Fake.Script("silent", FcmScript.Never);
        var send = Bed.SendAsync(Pushes.Ring(_clock, TimeSpan.FromSeconds(10)), FcmTestBed.Target(1, "silent"));
        await Bed.Fake.Http.WaitForRequestsAsync(2);

        var (waitingBeforeTheDeadline, deliveries) = await PassTheDeadlineAsync(_clock, send, TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(waitingBeforeTheDeadline, Is.True);
            Assert.That(deliveries.Single(), Is.EqualTo(new PushDelivery(1, PushOutcome.Failed, "deadline")), "FCM was reached: not unreachable");
        });
    }
}
