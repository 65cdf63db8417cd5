using PushTokenService.Domain.Delivery;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Domain.UnitTests.Delivery;

/// <summary>API.md sections 10.2 and 10.4: what a send may carry, its defaults, and what a provider's "dead" becomes.</summary>
public sealed class PushContentRulesTests
{
    [Test]
    public void Ring_lives_30_seconds_and_message_a_day_by_default() =>
        Assert.That(
            (PushContentRules.DefaultTtlSeconds(TokenKind.Ring), PushContentRules.DefaultTtlSeconds(TokenKind.Message)),
            Is.EqualTo((30, 86_400)));

    [TestCase(0, true)]
    [TestCase(2_419_200, true)]
    [TestCase(-1, false)]
    [TestCase(2_419_201, false)]
    public void Ttl_is_0_to_four_weeks(long seconds, bool valid) =>
        Assert.That(PushContentRules.IsValidTtl(seconds), Is.EqualTo(valid));

    [TestCase("aps")]
    [TestCase("push_id")]
    [TestCase("sent_at")]
    [TestCase("kind")]
    [TestCase("title")]
    [TestCase("body")]
    public void Data_key_the_payload_itself_uses_is_reserved(string key) =>
        Assert.That(PushContentRules.IsReservedDataKey(key), Is.True);

    [TestCase("APS")]
    [TestCase("event")]
    [TestCase("device_id")]
    public void Other_data_keys_are_free(string key) =>
        Assert.That(PushContentRules.IsReservedDataKey(key), Is.False);

    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(64, true)]
    [TestCase(65, false)]
    public void Data_key_is_1_to_64_characters(int length, bool valid) =>
        Assert.That(PushContentRules.IsValidDataKey(new string('k', length)), Is.EqualTo(valid));

    [Test]
    public void Payload_counts_utf8_bytes_of_title_body_and_every_data_key_and_value() =>
        Assert.That(
            PushContentRules.PayloadBytes("门铃", null, [new("event", "press"), new("房间", "")]),
            Is.EqualTo(6 + 0 + 5 + 5 + 6));

    [Test]
    public void Dead_token_whose_record_was_deleted_is_invalidated() =>
        Assert.That(DeadTokenRule.Outcome(deletedRecords: 1), Is.EqualTo(PushOutcome.Invalidated));

    [Test]
    public void Dead_token_whose_record_changed_during_the_send_is_only_failed() =>
        Assert.That(DeadTokenRule.Outcome(deletedRecords: 0), Is.EqualTo(PushOutcome.Failed));
}
