using Microsoft.Extensions.Time.Testing;
using PushTokenService.Domain.Delivery;
using PushTokenService.FakeProviders.Hms;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Hms;

/// <summary>
/// The client-credentials access token (API.md section 10.3): one per app, fetched once however many requests wait,
/// reused until five minutes before it expires, renewed once when Push Kit answers <c>80200003</c>.
/// </summary>
public sealed class HmsAccessTokenTests : HmsChannelFixture
{
    private readonly FakeTimeProvider _clock = Pushes.FakeClock();

    protected override TimeProvider Clock => _clock;

    [Test]
    public async Task One_access_token_per_app_serves_many_sends()
    {
        for (var i = 0; i < 5; i++)
        {
            await Bed.SendAsync(Pushes.Ring(_clock), HmsTestBed.Target(1, "a"), HmsTestBed.Target(2, "b", HmsTestBed.OtherApp));
        }

        var form = Bed.Fake.Http.Received.First(request => request.Path == FakeHmsServer.TokenPath).Form;
        Assert.Multiple(() =>
        {
            Assert.That(Bed.Fake.AccessTokensIssued(HmsTestBed.AppId), Is.EqualTo(1));
            Assert.That(Bed.Fake.AccessTokensIssued(HmsTestBed.OtherAppId), Is.EqualTo(1));
            Assert.That(form.Keys, Is.EquivalentTo(new[] { "grant_type", "client_id", "client_secret" }));
            Assert.That(form["grant_type"], Is.EqualTo("client_credentials"));
        });
    }

    [Test]
    public async Task Access_token_is_reused_until_five_minutes_before_it_expires()
    {
        await Bed.SendAsync(Pushes.Ring(_clock), HmsTestBed.Target(1, "a"));

        _clock.Advance(TimeSpan.FromMinutes(54));
        await Bed.SendAsync(Pushes.Ring(_clock), HmsTestBed.Target(1, "a"));
        var issuedBeforeTheWindow = Bed.Fake.AccessTokensIssued(HmsTestBed.AppId);

        _clock.Advance(TimeSpan.FromMinutes(2));
        var renewed = await Bed.SendAsync(Pushes.Ring(_clock), HmsTestBed.Target(1, "a"));

        Assert.Multiple(() =>
        {
            Assert.That(issuedBeforeTheWindow, Is.EqualTo(1));
            Assert.That(Bed.Fake.AccessTokensIssued(HmsTestBed.AppId), Is.EqualTo(2));
            Assert.That(renewed.Single().Outcome, Is.EqualTo(PushOutcome.Sent));
        });
    }

    [Test]
    public async Task Expired_access_token_answer_renews_it_once_for_all_waiting_requests_and_each_is_sent_again()
    {
        var targets = Enumerable.Range(1, 3000).Select(i => HmsTestBed.Target(i, $"hms-token-{i}")).ToArray();
        await Bed.SendAsync(Pushes.Ring(_clock), targets[0]);
        Bed.Fake.RevokeAccessTokens();

        var deliveries = await Bed.SendAsync(Pushes.Ring(_clock), targets);

        Assert.Multiple(() =>
        {
            Assert.That(deliveries.Select(delivery => delivery.Outcome), Is.All.EqualTo(PushOutcome.Sent));
            Assert.That(Bed.Fake.AccessTokensIssued(HmsTestBed.AppId), Is.EqualTo(2));
            Assert.That(Bed.Fake.Sends, Has.Count.EqualTo(1 + 3 + 3), "each request: the rejected one and one more");
        });
    }

    [Test]
    public async Task Token_expired_code_is_answered_with_one_more_request_under_a_new_token()
    {
        Bed.Fake.Script("a", HmsScript.TokenExpiredOnce);

        var delivery = (await Bed.SendAsync(Pushes.Ring(_clock), HmsTestBed.Target(1, "a"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Sent));
            Assert.That(Bed.Fake.AccessTokensIssued(HmsTestBed.AppId), Is.EqualTo(2));
            Assert.That(Bed.Fake.Sends.Select(send => send.Headers["authorization"]).Distinct().Count(), Is.EqualTo(2));
        });
    }
}
