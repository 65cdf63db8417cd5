using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;
using PushTokenService.FakeProviders.Fcm;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Fcm;

/// <summary>What each FCM answer means (API.md section 10.3).</summary>
public sealed class FcmAnswerTests : FcmChannelFixture
{
    [Test]
    public async Task Accepted_send_is_sent_with_the_message_name_as_provider_id()
    {
        var delivery = await SendOneAsync(FcmScript.Sent);

        Assert.That(delivery, Is.EqualTo(new PushDelivery(1, PushOutcome.Sent, ProviderId: "projects/doorbell-project/messages/1")));
    }

    [TestCase(FcmScript.Unregistered, PushOutcome.Invalidated, "UNREGISTERED", TestName = "Unregistered_token_is_invalidated")]
    [TestCase(FcmScript.InvalidToken, PushOutcome.Invalidated, "INVALID_ARGUMENT", TestName = "Invalid_registration_token_is_invalidated")]
    [TestCase(FcmScript.InvalidPayload, PushOutcome.Failed, "INVALID_ARGUMENT", TestName = "Invalid_argument_about_the_message_fails_and_keeps_the_token")]
    [TestCase(FcmScript.SenderIdMismatch, PushOutcome.Failed, "SENDER_ID_MISMATCH", TestName = "Other_refusal_fails_with_the_fcm_error_code")]
    public async Task Refusal_has_its_outcome_and_reason(FcmScript script, PushOutcome outcome, string reason)
    {
        var delivery = await SendOneAsync(script);

        Assert.That(delivery, Is.EqualTo(new PushDelivery(1, outcome, reason)));
    }

    [Test]
    public async Task Every_target_gets_its_own_outcome_in_one_send()
    {
        Bed.Fake.Script("dead", FcmScript.Unregistered);
        Bed.Fake.Script("refused", FcmScript.SenderIdMismatch);

        var deliveries = await Bed.SendAsync(
            Pushes.Ring(), FcmTestBed.Target(1, "alive"), FcmTestBed.Target(2, "dead"), FcmTestBed.Target(3, "refused"));

        Assert.That(deliveries.Select(delivery => (delivery.TokenId, delivery.Outcome, delivery.Reason)), Is.EqualTo(new[]
        {
            (1L, PushOutcome.Sent, (string?)null),
            (2L, PushOutcome.Invalidated, "UNREGISTERED"),
            (3L, PushOutcome.Failed, "SENDER_ID_MISMATCH"),
        }));
    }

    [Test]
    public async Task Refused_service_account_fails_with_the_oauth_error()
    {
        await using var fake = await FakeFcmServer.StartAsync();
        using var stranger = FakeServiceAccount.Create("doorbell-project", fake.TokenUri, Path.GetTempPath());
        await using var services = ChannelHost.Services(
            FcmTestBed.Settings(fake.Endpoint, stranger.Path), TimeProvider.System, (s, c) => Infrastructure.Push.Fcm.FcmServiceCollectionExtensions.AddFcmChannel(s, c));
        var channel = (IPushChannel)services.GetService(typeof(Infrastructure.Push.Fcm.FcmChannel))!;

        var deliveries = await channel.SendAsync(Pushes.Ring(), [FcmTestBed.Target(1, "fcm-token-1")], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(deliveries.Single(), Is.EqualTo(new PushDelivery(1, PushOutcome.Failed, "invalid_grant")));
            Assert.That(fake.Sends, Is.Empty, "nothing is sent without an access token");
        });
    }

    private async Task<PushDelivery> SendOneAsync(FcmScript script)
    {
        Bed.Fake.Script("fcm-token-1", script);
        return (await Bed.SendAsync(Pushes.Ring(), FcmTestBed.Target(1, "fcm-token-1"))).Single();
    }
}
