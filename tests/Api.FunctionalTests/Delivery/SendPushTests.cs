using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Api.FunctionalTests.Support;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>
/// POST /v1/api/admin/push without any provider's credentials (no <c>Push:Apps</c>): targets, channels, and the
/// outcomes that need no provider.
/// </summary>
public sealed class SendPushTests : FunctionalTestBase
{
    /// <summary>The log lines at the configured levels, as a production sink sees them.</summary>
    private readonly LogCapture _logs = new();

    protected override PushTokenApiFactory CreateOwnHost() => new(AdminApi.Settings(), logs: _logs, services: services =>
    {
        foreach (var channel in new[] { PushChannel.Apns, PushChannel.Fcm, PushChannel.Hms })
        {
            services.AddSingleton<IPushChannel>(StubChannel.Unconfigured(channel));
        }
    });

    [Test]
    public async Task Dry_run_resolves_every_record_to_its_channel_and_sends_nothing()
    {
        var (userId, session) = await Client.NewSessionAsync();
        var iphone = await Client.AddRecordAsync(ApiClient.RingPath, session, ApiClient.NewPushToken());
        var pixel = await Client.AddRecordAsync(ApiClient.RingPath, session, ApiClient.NewPushToken(), """ "os_token":"fcm-1","push_platform":"FCM" """);
        var mate = await Client.AddRecordAsync(ApiClient.RingPath, session, ApiClient.NewPushToken(), """ "os_token":"hms-1","push_platform":"huawei" """);
        var redmi = await Client.AddRecordAsync(ApiClient.RingPath, session, ApiClient.NewPushToken(), """ "os_token":"mi-1","push_platform":"XIAOMI" """);

        var (status, body) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}],"dry_run":true}""");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!["push_id"]!.GetValue<string>(), Does.Match("^[0-9a-f]{32}$"));
            Assert.That(
                body.ToJsonString(),
                Is.EqualTo(
                    $$"""{"push_id":"{{body["push_id"]}}","targets":4,"sent":0,"invalidated":0,"failed":0,"not_configured":0,"unsupported":0,"results":["""
                    + $$"""{"token_id":{{iphone}},"user_id":{{userId}},"channel":"apns","outcome":"dry_run"},"""
                    + $$"""{"token_id":{{pixel}},"user_id":{{userId}},"channel":"fcm","outcome":"dry_run"},"""
                    + $$"""{"token_id":{{mate}},"user_id":{{userId}},"channel":"hms","outcome":"dry_run"},"""
                    + $$"""{"token_id":{{redmi}},"user_id":{{userId}},"channel":"xiaomi","outcome":"dry_run"}]}"""));
        });
    }

    [Test]
    public async Task Users_without_records_and_unknown_users_add_no_targets()
    {
        var (userId, _) = await Client.NewSessionAsync();

        var (status, body) = await Client.PushAsync($$"""{"kind":"message","user_ids":[{{userId}},987654321]}""");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(
                body!.ToJsonString(),
                Is.EqualTo($$"""{"push_id":"{{body["push_id"]}}","targets":0,"sent":0,"invalidated":0,"failed":0,"not_configured":0,"unsupported":0,"results":[]}"""));
        });
    }

    [Test]
    public async Task Record_of_a_channel_without_credentials_for_its_app_is_not_configured_and_kept()
    {
        var (userId, session) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        var iphone = await Client.AddRecordAsync(ApiClient.MessagePath, session, pushToken);
        var pixel = await Client.AddRecordAsync(ApiClient.MessagePath, session, ApiClient.NewPushToken(), """ "os_token":"fcm-3","push_platform":"FCM" """);
        var mate = await Client.AddRecordAsync(ApiClient.MessagePath, session, ApiClient.NewPushToken(), """ "os_token":"hms-3","push_platform":"HUAWEI" """);

        var (status, body) = await Client.PushAsync($$"""{"kind":"message","user_ids":[{{userId}}],"title":"Hi"}""");
        var records = await Client.ListAsync(ApiClient.MessagePath, session);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!["targets"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(body["not_configured"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(body.Result(iphone).ToJsonString(), Is.EqualTo($$"""{"token_id":{{iphone}},"user_id":{{userId}},"channel":"apns","outcome":"not_configured"}"""));
            Assert.That(body.Outcomes(), Is.EqualTo(new[] { (iphone, "not_configured"), (pixel, "not_configured"), (mate, "not_configured") }));
            Assert.That(records, Has.Count.EqualTo(3), "nothing is deleted");
        });
    }

    [Test]
    public async Task Record_of_a_vendor_not_implemented_yet_is_unsupported()
    {
        var (userId, session) = await Client.NewSessionAsync();
        var redmi = await Client.AddRecordAsync(ApiClient.RingPath, session, ApiClient.NewPushToken(), """ "os_token":"mi-2","push_platform":"XIAOMI" """);
        var oppo = await Client.AddRecordAsync(ApiClient.RingPath, session, ApiClient.NewPushToken(), """ "os_token":"oppo-2","push_platform":"OPPO" """);

        var (status, body) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!["targets"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(body["unsupported"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(body.Outcomes(), Is.EqualTo(new[] { (redmi, "unsupported"), (oppo, "unsupported") }));
            Assert.That(body.Result(oppo)["channel"]!.GetValue<string>(), Is.EqualTo("oppo"));
        });
    }

    [Test]
    public async Task Send_to_one_app_targets_only_that_apps_records_of_the_kind()
    {
        var (userId, session) = await Client.NewSessionAsync();
        await Client.AddRecordAsync(ApiClient.RingPath, session, ApiClient.NewPushToken(), """ "bundleid":"com.lancens.app" """);
        var other = await Client.AddRecordAsync(ApiClient.RingPath, session, ApiClient.NewPushToken(), """ "bundleid":"com.lancens.pro" """);
        await Client.AddRecordAsync(ApiClient.MessagePath, session, ApiClient.NewPushToken(), """ "bundleid":"com.lancens.pro" """);

        var (status, body) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}],"bundleid":"com.lancens.pro","dry_run":true}""");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.Outcomes(), Is.EqualTo(new[] { (other, "dry_run") }));
        });
    }

    [Test]
    public async Task Send_to_a_family_lists_every_record_of_every_user_ascending_token_id()
    {
        var (mother, motherSession) = await Client.NewSessionAsync();
        var (father, fatherSession) = await Client.NewSessionAsync();
        var fatherPhone = await Client.AddRecordAsync(ApiClient.RingPath, fatherSession, ApiClient.NewPushToken());
        var motherPhone = await Client.AddRecordAsync(ApiClient.RingPath, motherSession, ApiClient.NewPushToken());
        var fatherTablet = await Client.AddRecordAsync(ApiClient.RingPath, fatherSession, ApiClient.NewPushToken());

        var body = (await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{mother}},{{father}},{{mother}}],"dry_run":true}""")).Body!;

        Assert.Multiple(() =>
        {
            Assert.That(body.Outcomes().Select(o => o.TokenId), Is.EqualTo(new[] { fatherPhone, motherPhone, fatherTablet }));
            Assert.That(body.Result(motherPhone)["user_id"]!.GetValue<long>(), Is.EqualTo(mother));
            Assert.That(body.Result(fatherTablet)["user_id"]!.GetValue<long>(), Is.EqualTo(father));
        });
    }

    [Test]
    public async Task Each_sendLogs_one_line_with_its_push_id_and_counts_and_never_a_token_or_the_payload()
    {
        var (userId, session) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        var osToken = $"mi{ApiClient.NewPushToken()}";
        await Client.AddRecordAsync(ApiClient.MessagePath, session, pushToken);
        await Client.AddRecordAsync(ApiClient.MessagePath, session, ApiClient.NewPushToken(), $""" "os_token":"{osToken}","push_platform":"XIAOMI" """);

        var (_, body) = await Client.PushAsync(
            $$$"""{"kind":"message","user_ids":[{{{userId}}}],"title":"Parcel-title-7f3e","body":"Parcel-body-9a1c","data":{"secret_key":"value-c0ffee"}}""");
        var pushId = body!["push_id"]!.GetValue<string>();

        var lines = _logs.Lines.Where(line => line.Contains(pushId, StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("Information "));
            Assert.That(lines[0], Does.Contain("message").And.Contain("apns not_configured=1").And.Contain("xiaomi unsupported=1"));
            foreach (var secret in new[] { pushToken, osToken, pushToken[^8..], osToken[^8..], "Parcel-title-7f3e", "Parcel-body-9a1c", "secret_key", "value-c0ffee" })
            {
                Assert.That(_logs.Lines, Has.None.Contains(secret), $"{secret} was logged");
            }
        });
    }
}
