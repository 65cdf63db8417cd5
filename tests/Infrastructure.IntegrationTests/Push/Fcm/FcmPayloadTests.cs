using System.Globalization;
using System.Text.Json;
using PushTokenService.FakeProviders.Fcm;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Fcm;

/// <summary>What goes to FCM (API.md section 10.3), to the letter: path, headers and body.</summary>
public sealed class FcmPayloadTests : FcmChannelFixture
{
    [Test]
    public async Task Ring_is_a_high_priority_data_message_whose_values_are_all_strings()
    {
        var ring = Pushes.Ring();

        await Bed.SendAsync(ring, FcmTestBed.Target(1, "fcm-token-1"));

        var send = Bed.Fake.Sends.Single();
        var message = send.Json.GetProperty("message");
        Assert.Multiple(() =>
        {
            Assert.That(send.Path, Is.EqualTo("/v1/projects/doorbell-project/messages:send"));
            Assert.That(send.Headers["authorization"], Does.Match("^Bearer ya29\\.fake-[0-9A-F]+$"));
            Assert.That(send.Headers["content-type"], Does.StartWith("application/json"));
            Assert.That(Names(send.Json), Is.EqualTo(new[] { "message" }));
            Assert.That(Names(message), Is.EquivalentTo(new[] { "token", "data", "android" }), "a ring has no notification");
            Assert.That(message.GetProperty("token").GetString(), Is.EqualTo("fcm-token-1"));
            Assert.That(Strings(message.GetProperty("data")), Is.EqualTo(new Dictionary<string, string>
            {
                ["device_id"] = "door-7",
                ["push_id"] = "push-ring-1",
                ["kind"] = "ring",
                ["sent_at"] = ring.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            }));
            Assert.That(Strings(message.GetProperty("android")), Is.EqualTo(new Dictionary<string, string>
            {
                ["priority"] = "high",
                ["ttl"] = "30s",
            }), "no collapse_key when none is given");
        });
    }

    [Test]
    public async Task Message_with_title_and_body_carries_them_in_data_and_notification_and_collapses_by_its_key()
    {
        var sent = Pushes.Message();

        await Bed.SendAsync(sent, FcmTestBed.Target(1, "fcm-token-1"));

        var message = Bed.Fake.Sends.Single().Json.GetProperty("message");
        Assert.Multiple(() =>
        {
            Assert.That(Names(message), Is.EquivalentTo(new[] { "token", "data", "notification", "android" }));
            Assert.That(Strings(message.GetProperty("data")), Is.EqualTo(new Dictionary<string, string>
            {
                ["event"] = "motion",
                ["push_id"] = "push-msg-1",
                ["kind"] = "message",
                ["sent_at"] = sent.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                ["title"] = "Visitor",
                ["body"] = "Someone is at the door",
            }));
            Assert.That(Strings(message.GetProperty("notification")), Is.EqualTo(new Dictionary<string, string>
            {
                ["title"] = "Visitor",
                ["body"] = "Someone is at the door",
            }));
            Assert.That(Strings(message.GetProperty("android")), Is.EqualTo(new Dictionary<string, string>
            {
                ["priority"] = "high",
                ["ttl"] = "86400s",
                ["collapse_key"] = "visitor",
            }));
        });
    }

    [Test]
    public async Task Message_without_title_or_body_has_no_notification()
    {
        var message = Pushes.Message() with { Title = null, Body = null };

        await Bed.SendAsync(message, FcmTestBed.Target(1, "fcm-token-1"));

        Assert.That(Names(Bed.Fake.Sends.Single().Json.GetProperty("message")), Does.Not.Contain("notification"));
    }

    [Test]
    public async Task Each_app_sends_to_its_own_project()
    {
        await Bed.SendAsync(Pushes.Ring(), FcmTestBed.Target(1, "fcm-token-1"), FcmTestBed.Target(2, "fcm-token-2", FcmTestBed.OtherApp));

        Assert.That(Bed.Fake.Sends.Select(send => (send.Path, FakeFcmServer.RegistrationToken(send))), Is.EquivalentTo(new[]
        {
            ("/v1/projects/doorbell-project/messages:send", "fcm-token-1"),
            ("/v1/projects/other-project/messages:send", "fcm-token-2"),
        }));
    }

    [Test]
    public async Task A_token_with_json_special_characters_is_sent_as_it_is()
    {
        const string token = "fcm\"token\\with+odd<chars>";

        await Bed.SendAsync(Pushes.Ring(), FcmTestBed.Target(1, token));

        Assert.That(FakeFcmServer.RegistrationToken(Bed.Fake.Sends.Single()), Is.EqualTo(token));
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(property => property.Name).ToArray();

    private static Dictionary<string, string> Strings(JsonElement element) =>
        element.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetString()!);
}
