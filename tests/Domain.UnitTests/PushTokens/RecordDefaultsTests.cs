using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Domain.UnitTests.PushTokens;

public sealed class RecordDefaultsTests
{
    private const string DefaultBundleId = "com.lancens.app";

    [Test]
    public void A_new_record_takes_dev_0_the_default_bundle_id_and_empty_optional_strings_for_what_was_not_sent()
    {
        var values = RecordDefaults.NewRecord(new SentPushTokenFields("apns-1", "en", null, null, null, null, null), DefaultBundleId);

        Assert.That(values, Is.EqualTo(new PushTokenValues("apns-1", "en", PushTokenRules.DevProduction, DefaultBundleId, "", "", "")));
    }

    [Test]
    public void A_new_record_keeps_what_was_sent_with_push_platform_upper_cased()
    {
        var sent = new SentPushTokenFields("fcm-1", "zh-CN", PushTokenRules.DevSandbox, "com.b.app", "Xiaomi 14", "mi:token", "xiaomi");

        var values = RecordDefaults.NewRecord(sent, DefaultBundleId);

        Assert.That(values, Is.EqualTo(new PushTokenValues("fcm-1", "zh-CN", 1, "com.b.app", "Xiaomi 14", "mi:token", "XIAOMI")));
    }
}
