using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;
using PushTokenService.FakeProviders.Hms;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Hms;

/// <summary>What each Push Kit answer code means for the tokens of its request (API.md section 10.3).</summary>
public sealed class HmsAnswerTests : HmsChannelFixture
{
    [Test]
    public async Task Success_sends_every_token_with_the_request_id_as_provider_id()
    {
        var deliveries = await Bed.SendAsync(Pushes.Ring(), HmsTestBed.Target(1, "a"), HmsTestBed.Target(2, "b"));

        Assert.That(deliveries, Is.EqualTo(new[]
        {
            new PushDelivery(1, PushOutcome.Sent, ProviderId: "fake-1"),
            new PushDelivery(2, PushOutcome.Sent, ProviderId: "fake-1"),
        }));
    }

    [Test]
    public async Task Partial_success_invalidates_the_illegal_tokens_and_sends_the_others()
    {
        Bed.Fake.Script("illegal", HmsScript.Illegal);

        var deliveries = await Bed.SendAsync(Pushes.Ring(), HmsTestBed.Target(1, "illegal"), HmsTestBed.Target(2, "legal"));

        Assert.That(deliveries, Is.EqualTo(new[]
        {
            new PushDelivery(1, PushOutcome.Invalidated, "80100000"),
            new PushDelivery(2, PushOutcome.Sent, ProviderId: "fake-1"),
        }));
    }

    [TestCase(HmsScript.AllInvalid, PushOutcome.Invalidated, "80300007", TestName = "All_tokens_invalid_invalidates_every_token_of_the_request")]
    [TestCase(HmsScript.IllegalPayload, PushOutcome.Failed, "80100003", TestName = "Other_code_fails_every_token_with_the_code")]
    public async Task Code_for_the_whole_request_gives_every_token_its_outcome(HmsScript script, PushOutcome outcome, string reason)
    {
        Bed.Fake.Script("a", script);

        var deliveries = await Bed.SendAsync(Pushes.Ring(), HmsTestBed.Target(1, "a"), HmsTestBed.Target(2, "b"));

        Assert.That(deliveries, Is.EqualTo(new[] { new PushDelivery(1, outcome, reason), new PushDelivery(2, outcome, reason) }));
    }

    [Test]
    public async Task Refused_client_secret_fails_with_the_oauth_error_and_sends_nothing()
    {
        await using var fake = await FakeHmsServer.StartAsync();
        fake.AddApp(HmsTestBed.AppId, HmsTestBed.Secret);
        await using var services = ChannelHost.Services(
            HmsTestBed.Settings(fake, "not-the-secret"), TimeProvider.System, (s, c) => Infrastructure.Push.Hms.HmsServiceCollectionExtensions.AddHmsChannel(s, c));
        var channel = (IPushChannel)services.GetService(typeof(Infrastructure.Push.Hms.HmsChannel))!;

        var deliveries = await channel.SendAsync(Pushes.Ring(), [HmsTestBed.Target(1, "a")], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(deliveries.Single(), Is.EqualTo(new PushDelivery(1, PushOutcome.Failed, "1101")));
            Assert.That(fake.Sends, Is.Empty);
        });
    }
}
