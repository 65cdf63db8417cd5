using PushTokenService.Domain.Delivery;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Domain.UnitTests.Delivery;

/// <summary>API.md section 10.1: which channel a record uses and which of its tokens that channel addresses.</summary>
public sealed class ChannelRuleTests
{
    private static PushTokenRecord Record(string pushPlatform, string osToken = "") => new(
        1, 7, TokenKind.Ring, "apns-push-token", "en", 0, "com.lancens.app", "", osToken, pushPlatform,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Test]
    public void Record_without_push_platform_is_an_apns_token_addressed_by_its_push_token() =>
        Assert.That(ChannelRule.For(Record("")), Is.EqualTo(new ChannelAddress(PushChannel.Apns, "apns-push-token")));

    [TestCase("FCM", PushChannel.Fcm, "fcm")]
    [TestCase("HUAWEI", PushChannel.Hms, "hms")]
    [TestCase("XIAOMI", PushChannel.Xiaomi, "xiaomi")]
    [TestCase("OPPO", PushChannel.Oppo, "oppo")]
    [TestCase("VIVO", PushChannel.Vivo, "vivo")]
    [TestCase("HONOR", PushChannel.Honor, "honor")]
    [TestCase("MEIZU", PushChannel.Meizu, "meizu")]
    public void Record_of_a_vendor_platform_is_addressed_by_its_os_token(string platform, PushChannel channel, string wireName)
    {
        var address = ChannelRule.For(Record(platform, "vendor-os-token"));

        Assert.Multiple(() =>
        {
            Assert.That(address, Is.EqualTo(new ChannelAddress(channel, "vendor-os-token")));
            Assert.That(address.Channel.Name(), Is.EqualTo(wireName));
        });
    }

    [TestCase(PushOutcome.Sent, "sent")]
    [TestCase(PushOutcome.Invalidated, "invalidated")]
    [TestCase(PushOutcome.Failed, "failed")]
    [TestCase(PushOutcome.NotConfigured, "not_configured")]
    [TestCase(PushOutcome.Unsupported, "unsupported")]
    [TestCase(PushOutcome.DryRun, "dry_run")]
    public void Outcome_has_its_wire_name(PushOutcome outcome, string wireName) =>
        Assert.That(outcome.Name(), Is.EqualTo(wireName));
}
