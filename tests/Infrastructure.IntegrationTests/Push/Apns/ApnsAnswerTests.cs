using System.Net;
using PushTokenService.Domain.Delivery;
using PushTokenService.FakeProviders.Apns;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Apns;

/// <summary>What each APNs answer means for the record (API.md section 10.3).</summary>
public sealed class ApnsAnswerTests : ApnsChannelFixture
{
    private const string Device = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    [Test]
    public async Task Ok_is_sent_with_theApns_id_as_provider_id()
    {
        var delivery = await Bed.SendAsync(Device);

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Sent));
        Assert.That(delivery.ProviderId, Is.EqualTo(Bed.Production.Requests.Single().Header("apns-id")));
        Assert.That(delivery.Reason, Is.Null);
    }

    [Test]
    public async Task Gone_unregistered_is_invalidated_since_its_timestamp()
    {
        var since = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_123);
        Bed.Production.Script(Device, ApnsFakeAnswer.Unregistered(since));

        var delivery = await Bed.SendAsync(Device);

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Invalidated));
        Assert.That(delivery.Reason, Is.EqualTo("Unregistered"));
        Assert.That(delivery.InvalidSince, Is.EqualTo(since));
    }

    [Test]
    public async Task Gone_expired_token_is_invalidated()
    {
        Bed.Production.Script(Device, new ApnsFakeAnswer(HttpStatusCode.Gone, "ExpiredToken", DateTimeOffset.UnixEpoch.AddDays(20_000)));

        var delivery = await Bed.SendAsync(Device);

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Invalidated));
        Assert.That(delivery.Reason, Is.EqualTo("ExpiredToken"));
    }

    [TestCase("BadDeviceToken")]
    [TestCase("DeviceTokenNotForTopic")]
    public async Task Bad_request_for_a_dead_token_is_invalidated_without_a_time(string reason)
    {
        Bed.Production.Script(Device, new ApnsFakeAnswer(HttpStatusCode.BadRequest, reason));

        var delivery = await Bed.SendAsync(Device);

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Invalidated));
        Assert.That(delivery.Reason, Is.EqualTo(reason));
        Assert.That(delivery.InvalidSince, Is.Null);
    }

    [TestCase(HttpStatusCode.BadRequest, "BadTopic")]
    [TestCase(HttpStatusCode.RequestEntityTooLarge, "PayloadTooLarge")]
    [TestCase(HttpStatusCode.Forbidden, "BadCertificateEnvironment")]
    public async Task Any_other_answer_fails_with_its_reason(HttpStatusCode status, string reason)
    {
        Bed.Production.Script(Device, new ApnsFakeAnswer(status, reason));

        var delivery = await Bed.SendAsync(Device);

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Failed));
        Assert.That(delivery.Reason, Is.EqualTo(reason));
    }

    [Test]
    public async Task Answer_without_a_reason_fails_with_its_status_code()
    {
        Bed.Production.Script(Device, new ApnsFakeAnswer(HttpStatusCode.NotFound));

        var delivery = await Bed.SendAsync(Device);

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Failed));
        Assert.That(delivery.Reason, Is.EqualTo("404"));
    }

    [Test]
    public async Task Each_target_gets_its_own_outcome_in_target_order()
    {
        Bed.Production.Script("dead", ApnsFakeAnswer.BadDeviceToken);
        var targets = new[] { Bed.Target("alive"), Bed.Target("dead"), Bed.Target("other-app", bundleId: "com.other.app") };

        var deliveries = await Bed.Channel.SendAsync(Bed.Message(), targets, CancellationToken.None);

        Assert.That(deliveries.Select(d => d.TokenId), Is.EqualTo(targets.Select(t => t.Record.Id)));
        Assert.That(
            deliveries.Select(d => d.Outcome),
            Is.EqualTo(new[] { PushOutcome.Sent, PushOutcome.Invalidated, PushOutcome.NotConfigured }));
    }

    [Test]
    public void Only_the_configured_bundle_id_is_configured()
    {
        Assert.That(Bed.Channel.IsConfigured(ApnsTestBed.BundleId), Is.True);
        Assert.That(Bed.Channel.IsConfigured("com.lancens.App"), Is.False);
        Assert.That(Bed.Channel.IsConfigured("com.other.app"), Is.False);
    }
}
