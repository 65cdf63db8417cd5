using System.Text.Json;
using PushTokenService.FakeProviders.Hms;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Hms;

/// <summary>What goes to Push Kit (API.md section 10.3), to the letter: path, headers and body.</summary>
public sealed class HmsPayloadTests : HmsChannelFixture
{
    [Test]
    public async Task Ring_is_a_high_urgency_data_message_whose_data_is_the_common_keys_as_a_json_string()
    {
        var ring = Pushes.Ring();

        await Bed.SendAsync(ring, HmsTestBed.Target(1, "hms-token-1"), HmsTestBed.Target(2, "hms-token-2"));

        var send = Bed.Fake.Sends.Single();
        var message = send.Json.GetProperty("message");
        var data = FakeHmsServer.Data(send);
        Assert.Multiple(() =>
        {
            Assert.That(send.Path, Is.EqualTo($"/v1/{HmsTestBed.AppId}/messages:send"));
            Assert.That(send.Headers["authorization"], Does.Match("^Bearer hms-fake-[0-9A-F]+$"));
            Assert.That(send.Headers["content-type"], Does.StartWith("application/json"));
            Assert.That(Names(send.Json), Is.EqualTo(new[] { "validate_only", "message" }));
            Assert.That(send.Json.GetProperty("validate_only").GetBoolean(), Is.False);
            Assert.That(Names(message), Is.EquivalentTo(new[] { "token", "data", "android" }));
            Assert.That(FakeHmsServer.Tokens(send), Is.EqualTo(new[] { "hms-token-1", "hms-token-2" }));
            Assert.That(data.GetRawText(), Is.EqualTo(
                $$"""{"device_id":"door-7","push_id":"push-ring-1","kind":"ring","sent_at":{{ring.SentAt.ToUnixTimeMilliseconds()}}}"""),
                "sent_at is a number inside the data string");
            Assert.That(message.GetProperty("android").GetRawText(), Is.EqualTo("""{"urgency":"HIGH","ttl":"30s"}"""), "a ring has no notification");
        });
    }

    [Test]
    public async Task Message_with_title_and_body_adds_a_notification_that_opens_the_app()
    {
        await Bed.SendAsync(Pushes.Message(), HmsTestBed.Target(1, "hms-token-1"));

        var android = Bed.Fake.Sends.Single().Json.GetProperty("message").GetProperty("android");
        Assert.That(android.GetRawText(), Is.EqualTo(
            """{"urgency":"HIGH","ttl":"86400s","notification":{"title":"Visitor","body":"Someone is at the door","click_action":{"type":3}}}"""));
    }

    [Test]
    public async Task Message_without_title_or_body_has_no_notification()
    {
        await Bed.SendAsync(Pushes.Message() with { Title = null, Body = null }, HmsTestBed.Target(1, "hms-token-1"));

        Assert.That(Names(Bed.Fake.Sends.Single().Json.GetProperty("message").GetProperty("android")), Does.Not.Contain("notification"));
    }

    [Test]
    public async Task Each_app_sends_its_own_tokens_under_its_own_app_id()
    {
        await Bed.SendAsync(Pushes.Ring(), HmsTestBed.Target(1, "hms-token-1"), HmsTestBed.Target(2, "hms-token-2", HmsTestBed.OtherApp));

        Assert.That(Bed.Fake.Sends.Select(send => (send.Path, FakeHmsServer.Tokens(send).Single())), Is.EquivalentTo(new[]
        {
            ($"/v1/{HmsTestBed.AppId}/messages:send", "hms-token-1"),
            ($"/v1/{HmsTestBed.OtherAppId}/messages:send", "hms-token-2"),
        }));
    }

    [Test]
    public async Task Records_sharing_a_token_send_it_once_and_share_its_outcome()
    {
        Bed.Fake.Script("shared", HmsScript.Illegal);

        var deliveries = await Bed.SendAsync(
            Pushes.Ring(), HmsTestBed.Target(1, "shared"), HmsTestBed.Target(2, "own"), HmsTestBed.Target(3, "shared"));

        Assert.Multiple(() =>
        {
            Assert.That(FakeHmsServer.Tokens(Bed.Fake.Sends.Single()), Is.EqualTo(new[] { "shared", "own" }));
            Assert.That(deliveries.Select(delivery => (delivery.TokenId, delivery.Outcome.ToString())), Is.EqualTo(new[]
            {
                (1L, "Invalidated"), (2L, "Sent"), (3L, "Invalidated"),
            }));
        });
    }

    [Test]
    public async Task Up_to_1000_tokens_go_in_one_request_and_the_chunks_share_one_access_token()
    {
        var targets = Enumerable.Range(1, 2500).Select(i => HmsTestBed.Target(i, $"hms-token-{i}")).ToArray();

        var deliveries = await Bed.SendAsync(Pushes.Ring(), targets);

        Assert.Multiple(() =>
        {
            Assert.That(Bed.Fake.Sends.Select(send => FakeHmsServer.Tokens(send).Count).Order(), Is.EqualTo(new[] { 500, 1000, 1000 }));
            Assert.That(Bed.Fake.Sends.SelectMany(FakeHmsServer.Tokens).Distinct().Count(), Is.EqualTo(2500));
            Assert.That(deliveries.Select(delivery => delivery.TokenId), Is.EqualTo(targets.Select(target => target.Record.Id)));
            Assert.That(deliveries.Select(delivery => delivery.Outcome.ToString()), Is.All.EqualTo("Sent"));
            Assert.That(Bed.Fake.AccessTokensIssued(HmsTestBed.AppId), Is.EqualTo(1));
        });
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(property => property.Name).ToArray();
}
