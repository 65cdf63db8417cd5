using System.Globalization;
using System.Text.Json;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Apns;

/// <summary>What goes to APNs (API.md section 10.3), header by header and key by key.</summary>
public sealed class ApnsRequestTests : ApnsChannelFixture
{
    private const string Device = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";

    [Test]
    public async Task Ring_is_a_voip_push_to_the_voip_topic_over_http2()
    {
        var message = Bed.Message(TokenKind.Ring, ttlSeconds: 30);

        await Bed.SendAsync(Device, message);

        var request = Bed.Production.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Protocol, Is.EqualTo("HTTP/2"));
            Assert.That(request.PushToken, Is.EqualTo(Device));
            Assert.That(request.Header("apns-push-type"), Is.EqualTo("voip"));
            Assert.That(request.Header("apns-topic"), Is.EqualTo("com.lancens.app.voip"));
            Assert.That(request.Header("apns-priority"), Is.EqualTo("10"));
            Assert.That(request.Header("apns-expiration"), Is.EqualTo((message.SentAt.ToUnixTimeSeconds() + 30).ToString(CultureInfo.InvariantCulture)));
            Assert.That(request.Header("apns-collapse-id"), Is.Null);
            Assert.That(request.Header("authorization"), Does.Match("^bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"));
        });
    }

    [Test]
    public async Task Message_is_an_alert_to_the_app_topic()
    {
        await Bed.SendAsync(Device, Bed.Message(TokenKind.Message, title: "Front door", body: "Someone rang"));

        var request = Bed.Production.Requests.Single();
        Assert.That(request.Header("apns-push-type"), Is.EqualTo("alert"));
        Assert.That(request.Header("apns-topic"), Is.EqualTo("com.lancens.app"));
    }

    [Test]
    public async Task Apns_id_is_a_new_lower_case_uuid_per_device()
    {
        var message = Bed.Message();
        await Bed.Channel.SendAsync(message, [Bed.Target(Device), Bed.Target(Device + "ff")], CancellationToken.None);

        var ids = Bed.Production.Requests.Select(r => r.Header("apns-id")).ToList();
        Assert.That(ids, Has.All.Match("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public async Task Ring_body_is_an_empty_aps_and_the_common_keys()
    {
        var message = Bed.Message(TokenKind.Ring, data: new Dictionary<string, string> { ["door"] = "front" });

        await Bed.SendAsync(Device, message);

        var body = Bed.Production.Requests.Single().Body;
        Assert.That(
            body.GetRawText(),
            Is.EqualTo($$"""{"aps":{},"door":"front","push_id":"{{message.PushId}}","kind":"ring","sent_at":{{message.SentAt.ToUnixTimeMilliseconds()}}}"""));
    }

    [Test]
    public async Task Message_body_has_the_alert_title_and_body_and_the_default_sound()
    {
        var message = Bed.Message(TokenKind.Message, title: "Front door", body: "Someone rang");

        await Bed.SendAsync(Device, message);

        var body = Bed.Production.Requests.Single().Body;
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("aps").GetRawText(), Is.EqualTo("""{"alert":{"title":"Front door","body":"Someone rang"},"sound":"default"}"""));
            Assert.That(body.GetProperty("kind").GetString(), Is.EqualTo("message"));
            Assert.That(body.GetProperty("sent_at").ValueKind, Is.EqualTo(JsonValueKind.Number));
        });
    }

    [Test]
    public async Task Message_alert_holds_only_the_fields_given()
    {
        await Bed.SendAsync(Device, Bed.Message(TokenKind.Message, title: "Front door"));

        var aps = Bed.Production.Requests.Single().Body.GetProperty("aps");
        Assert.That(aps.GetRawText(), Is.EqualTo("""{"alert":{"title":"Front door"},"sound":"default"}"""));
    }

    [Test]
    public async Task Ttl_of_zero_sends_expiration_zero()
    {
        await Bed.SendAsync(Device, Bed.Message(ttlSeconds: 0));

        Assert.That(Bed.Production.Requests.Single().Header("apns-expiration"), Is.EqualTo("0"));
    }

    [Test]
    public async Task Collapse_id_is_sent_when_given()
    {
        await Bed.SendAsync(Device, Bed.Message(TokenKind.Message, body: "Battery low", collapseId: "battery"));

        Assert.That(Bed.Production.Requests.Single().Header("apns-collapse-id"), Is.EqualTo("battery"));
    }

    [Test]
    public async Task Dev_1_goes_to_the_sandbox_and_dev_0_to_production()
    {
        await Bed.SendAsync("sandbox-device", dev: 1);
        await Bed.SendAsync("production-device", dev: 0);

        Assert.That(Bed.Sandbox.Requests.Select(r => r.PushToken), Is.EqualTo(new[] { "sandbox-device" }));
        Assert.That(Bed.Production.Requests.Select(r => r.PushToken), Is.EqualTo(new[] { "production-device" }));
    }

    [Test]
    public async Task Token_is_escaped_in_the_path_not_assumed_hex()
    {
        const string token = "fcm:APA91b/+x?y#z";

        await Bed.SendAsync(token);

        Assert.That(Bed.Production.Requests.Single().PushToken, Is.EqualTo(token));
    }
}
