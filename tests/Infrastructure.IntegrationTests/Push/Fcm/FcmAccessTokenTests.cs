using Microsoft.Extensions.Time.Testing;
using PushTokenService.Domain.Delivery;
using PushTokenService.FakeProviders.Fcm;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Fcm;

/// <summary>
/// The OAuth access token (API.md section 10.3): one per app, obtained from the file's <c>token_uri</c> with a verified
/// RS256 assertion, reused until five minutes before it expires, renewed once when FCM rejects it.
/// </summary>
public sealed class FcmAccessTokenTests : FcmChannelFixture
{
    private readonly FakeTimeProvider _clock = Pushes.FakeClock();

    protected override TimeProvider Clock => _clock;

    [Test]
    public async Task One_access_token_per_app_serves_many_concurrent_sends()
    {
        var targets = Enumerable.Range(1, 40)
            .Select(i => FcmTestBed.Target(i, $"fcm-token-{i}", i % 2 == 0 ? FcmTestBed.App : FcmTestBed.OtherApp))
            .ToArray();

        var first = await Bed.SendAsync(Pushes.Ring(_clock), targets);
        var second = await Bed.SendAsync(Pushes.Ring(_clock), targets);

        Assert.Multiple(() =>
        {
            Assert.That(first.Concat(second).Select(delivery => delivery.Outcome), Is.All.EqualTo(PushOutcome.Sent));
            Assert.That(Bed.Fake.AccessTokensIssued(Bed.Account), Is.EqualTo(1));
            Assert.That(Bed.Fake.AccessTokensIssued(Bed.OtherAccount), Is.EqualTo(1));
            Assert.That(Bed.Fake.RejectedAssertions, Is.Empty);
        });
    }

    [Test]
    public async Task Access_token_is_reused_until_five_minutes_before_it_expires()
    {
        await Bed.SendAsync(Pushes.Ring(_clock), FcmTestBed.Target(1, "fcm-token-1"));

        _clock.Advance(TimeSpan.FromMinutes(54));
        await Bed.SendAsync(Pushes.Ring(_clock), FcmTestBed.Target(1, "fcm-token-1"));
        var issuedBeforeTheWindow = Bed.Fake.AccessTokensIssued(Bed.Account);

        _clock.Advance(TimeSpan.FromMinutes(2));
        var renewed = await Bed.SendAsync(Pushes.Ring(_clock), FcmTestBed.Target(1, "fcm-token-1"));

        Assert.Multiple(() =>
        {
            Assert.That(issuedBeforeTheWindow, Is.EqualTo(1));
            Assert.That(Bed.Fake.AccessTokensIssued(Bed.Account), Is.EqualTo(2));
            Assert.That(renewed.Single().Outcome, Is.EqualTo(PushOutcome.Sent));
            Assert.That(Bed.Fake.RejectedAssertions, Is.Empty, "the assertion's iat follows the service's clock");
        });
    }

    [Test]
    public async Task Rejected_access_token_is_renewed_once_for_all_waiting_sends_and_each_send_retried()
    {
        var targets = Enumerable.Range(1, 20).Select(i => FcmTestBed.Target(i, $"fcm-token-{i}")).ToArray();
        await Bed.SendAsync(Pushes.Ring(_clock), targets[0]);
        Bed.Fake.RevokeAccessTokens();

        var deliveries = await Bed.SendAsync(Pushes.Ring(_clock), targets);

        Assert.Multiple(() =>
        {
            Assert.That(deliveries.Select(delivery => delivery.Outcome), Is.All.EqualTo(PushOutcome.Sent));
            Assert.That(Bed.Fake.AccessTokensIssued(Bed.Account), Is.EqualTo(2));
            Assert.That(Bed.Fake.Sends, Has.Count.EqualTo(1 + 20 + 20), "each target: the rejected send and one more");
        });
    }

    [Test]
    public async Task Unauthorized_send_is_retried_once_with_a_new_token()
    {
        Bed.Fake.Script("fcm-token-1", FcmScript.UnauthorizedOnce);

        var delivery = (await Bed.SendAsync(Pushes.Ring(_clock), FcmTestBed.Target(1, "fcm-token-1"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Sent));
            Assert.That(Bed.Fake.AccessTokensIssued(Bed.Account), Is.EqualTo(2));
            Assert.That(Bed.Fake.Sends.Select(send => send.Headers["authorization"]).Distinct().Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Send_unauthorized_again_after_renewal_fails_without_a_third_try()
    {
        Bed.Fake.Script("fcm-token-1", FcmScript.UnauthorizedForever);

        var delivery = (await Bed.SendAsync(Pushes.Ring(_clock), FcmTestBed.Target(1, "fcm-token-1"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(delivery, Is.EqualTo(new Application.Common.Interfaces.PushDelivery(1, PushOutcome.Failed, "THIRD_PARTY_AUTH_ERROR")));
            Assert.That(Bed.Fake.Sends, Has.Count.EqualTo(2));
        });
    }
}
