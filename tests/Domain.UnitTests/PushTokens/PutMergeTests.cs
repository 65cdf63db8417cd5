using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Domain.UnitTests.PushTokens;

public sealed class PutMergeTests
{
    private static readonly PushTokenRecord Existing = new(
        5, 7, TokenKind.Message, "old-token", "en", 1, "com.a.app", "Huawei P60", "hw:token", "HUAWEI",
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Test]
    public void Put_replaces_push_token_and_language_and_keeps_every_optional_field_not_sent()
    {
        var values = PutMerge.Apply(Existing, new SentPushTokenFields("new-token", "de", null, null, null, null, null));

        Assert.That(values, Is.EqualTo(new PushTokenValues("new-token", "de", 1, "com.a.app", "Huawei P60", "hw:token", "HUAWEI")));
    }

    [Test]
    public void Put_replaces_dev_bundleid_and_os_when_sent()
    {
        var values = PutMerge.Apply(Existing, new SentPushTokenFields("old-token", "en", 0, "com.b.app", "Pixel 9", null, null));

        Assert.That((values.Dev, values.BundleId, values.Os), Is.EqualTo((0, "com.b.app", "Pixel 9")));
    }

    [Test]
    public void Put_replaces_os_token_and_push_platform_together_with_push_platform_upper_cased()
    {
        var values = PutMerge.Apply(Existing, new SentPushTokenFields("old-token", "en", null, null, null, "fcm:token", "fcm"));

        Assert.That((values.OsToken, values.PushPlatform), Is.EqualTo(("fcm:token", "FCM")));
    }
}
