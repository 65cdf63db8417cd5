using System.Net;
using PushTokenService.Api.FunctionalTests.Support;
using PushTokenService.FakeProviders.Hms;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>POST /v1/api/admin/push to Huawei records (API.md section 10.3) through the pipeline, against a fake Push Kit.</summary>
public sealed class HmsDeliveryTests : FunctionalTestBase
{
    private const string AppId = "104417761";
    private const string Secret = "hms-secret-4d8e0b6a1c";

    private readonly FakeHmsServer _hms = FakeHmsServer.Start();

    protected override PushTokenApiFactory CreateOwnHost()
    {
        _hms.AddApp(AppId, Secret);
        return new(AdminApi.Settings(
            ("Push:DeadlineSeconds", "2"),
            ("Push:Hms:Endpoint", _hms.Endpoint.AbsoluteUri),
            ("Push:Hms:TokenEndpoint", _hms.TokenEndpoint.AbsoluteUri),
            ("Push:Apps:com.lancens.app:Hms:AppId", AppId),
            ("Push:Apps:com.lancens.app:Hms:ClientSecret", Secret)));
    }

    [OneTimeTearDown]
    public async Task StopFakeAsync() => await _hms.DisposeAsync();

    [Test]
    public async Task Accepted_push_is_sent_with_the_common_keys_and_the_record_kept()
    {
        var osToken = FcmHmsPhones.NewOsToken("hms");
        var (userId, session, recordId) = await Client.NewPhoneAsync(ApiClient.MessagePath, osToken, "HUAWEI");

        var (status, body) = await Client.PushAsync($$$"""{"kind":"message","user_ids":[{{{userId}}}],"title":"Visitor","data":{"door":"front"}}""");

        var send = _hms.Sends.Single(request => FakeHmsServer.Tokens(request).Contains(osToken));
        var data = FakeHmsServer.Data(send);
        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!["sent"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body.Result(recordId)["channel"]!.GetValue<string>(), Is.EqualTo("hms"));
            Assert.That(body.Result(recordId)["outcome"]!.GetValue<string>(), Is.EqualTo("sent"));
            Assert.That(send.Path, Is.EqualTo($"/v1/{AppId}/messages:send"));
            Assert.That(data.GetProperty("push_id").GetString(), Is.EqualTo(body["push_id"]!.GetValue<string>()));
            Assert.That(data.GetProperty("door").GetString(), Is.EqualTo("front"));
            Assert.That(send.Json.GetProperty("message").GetProperty("android").GetProperty("notification").GetProperty("title").GetString(), Is.EqualTo("Visitor"));
            Assert.That(await Client.RecordIdsAsync(ApiClient.MessagePath, session), Is.EqualTo(new[] { recordId }));
        });
    }

    [Test]
    public async Task Partial_success_deletes_the_illegal_token_and_keeps_the_others()
    {
        var illegal = FcmHmsPhones.NewOsToken("hms");
        _hms.Script(illegal, HmsScript.Illegal);
        var (userId, session, dead) = await Client.NewPhoneAsync(ApiClient.RingPath, illegal, "HUAWEI");
        var alive = await Client.AddPhoneAsync(ApiClient.RingPath, session, FcmHmsPhones.NewOsToken("hms"), "HUAWEI");

        var (_, body) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");

        Assert.Multiple(async () =>
        {
            Assert.That(body!.Outcomes(), Is.EqualTo(new[] { (dead, "invalidated"), (alive, "sent") }));
            Assert.That(body!.Result(dead)["reason"]!.GetValue<string>(), Is.EqualTo("80100000"));
            Assert.That(await Client.RecordIdsAsync(ApiClient.RingPath, session), Is.EqualTo(new[] { alive }));
        });
    }

    [Test]
    public async Task All_tokens_invalid_deletes_every_record_of_the_request()
    {
        var first = FcmHmsPhones.NewOsToken("hms");
        _hms.Script(first, HmsScript.AllInvalid);
        var (userId, session, one) = await Client.NewPhoneAsync(ApiClient.RingPath, first, "HUAWEI");
        var two = await Client.AddPhoneAsync(ApiClient.RingPath, session, FcmHmsPhones.NewOsToken("hms"), "HUAWEI");

        var (_, body) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");

        Assert.Multiple(async () =>
        {
            Assert.That(body!.Outcomes(), Is.EqualTo(new[] { (one, "invalidated"), (two, "invalidated") }));
            Assert.That(body!.Result(two)["reason"]!.GetValue<string>(), Is.EqualTo("80300007"));
            Assert.That(await Client.RecordIdsAsync(ApiClient.RingPath, session), Is.Empty);
        });
    }

    [Test]
    public async Task Records_sharing_an_os_token_send_it_once_and_all_deleted_when_it_is_dead()
    {
        var shared = FcmHmsPhones.NewOsToken("hms");
        _hms.Script(shared, HmsScript.Illegal);
        var (userId, session, one) = await Client.NewPhoneAsync(ApiClient.RingPath, shared, "HUAWEI");
        var two = await Client.AddPhoneAsync(ApiClient.RingPath, session, shared, "HUAWEI");

        var (_, body) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");

        Assert.Multiple(async () =>
        {
            Assert.That(body!.Result(one)["outcome"]!.GetValue<string>(), Is.EqualTo("invalidated"));
            Assert.That(body!.Outcomes().Select(result => result.TokenId), Is.EqualTo(new[] { one, two }));
            Assert.That(_hms.Sends.Count(request => FakeHmsServer.Tokens(request).Contains(shared)), Is.EqualTo(1));
            Assert.That(await Client.RecordIdsAsync(ApiClient.RingPath, session), Is.Empty);
        });
    }

    [TestCase(HmsScript.IllegalPayload, "80100003", TestName = "Other_code_fails_with_the_code_and_keeps_the_record")]
    [TestCase(HmsScript.Never, "deadline", TestName = "Unanswered_push_fails_at_the_deadline_and_keeps_the_record")]
    public async Task Failed_push_keeps_the_record(HmsScript script, string reason)
    {
        var osToken = FcmHmsPhones.NewOsToken("hms");
        _hms.Script(osToken, script);
        var (userId, session, recordId) = await Client.NewPhoneAsync(ApiClient.RingPath, osToken, "HUAWEI");

        var (_, body) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");

        Assert.Multiple(async () =>
        {
            Assert.That(body!.Result(recordId)["outcome"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(body!.Result(recordId)["reason"]!.GetValue<string>(), Is.EqualTo(reason));
            Assert.That(await Client.RecordIdsAsync(ApiClient.RingPath, session), Is.EqualTo(new[] { recordId }));
        });
    }

    [TestCase(HmsScript.ServiceUnavailableOnce, TestName = "Service_unavailable_push_is_sent_on_the_next_try")]
    [TestCase(HmsScript.BusyOnce, TestName = "Busy_push_is_sent_on_the_next_try")]
    [TestCase(HmsScript.TokenExpiredOnce, TestName = "Push_with_an_expired_access_token_is_sent_with_a_new_one")]
    public async Task Push_refused_once_is_sent_on_the_next_try(HmsScript script)
    {
        var osToken = FcmHmsPhones.NewOsToken("hms");
        _hms.Script(osToken, script);
        var (userId, _, recordId) = await Client.NewPhoneAsync(ApiClient.RingPath, osToken, "HUAWEI");

        var (_, body) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");

        Assert.Multiple(() =>
        {
            Assert.That(body!.Result(recordId)["outcome"]!.GetValue<string>(), Is.EqualTo("sent"));
            Assert.That(_hms.Sends.Count(request => FakeHmsServer.Tokens(request).Contains(osToken)), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Put_during_the_send_keeps_the_record_the_provider_called_dead()
    {
        var osToken = FcmHmsPhones.NewOsToken("hms");
        _hms.Script(osToken, HmsScript.Illegal);
        var (userId, session, recordId) = await Client.NewPhoneAsync(ApiClient.RingPath, osToken, "HUAWEI");

        var (putStatus, body) = await Client.PutDuringTheSendAsync(release => _hms.Hold(osToken, release), userId, session, recordId, "HUAWEI");

        Assert.Multiple(async () =>
        {
            Assert.That(putStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.Result(recordId)["outcome"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(await Client.RecordIdsAsync(ApiClient.RingPath, session), Is.EqualTo(new[] { recordId }));
        });
    }

    [Test]
    public async Task No_log_line_holds_an_access_token_the_secret_or_an_os_token()
    {
        var osToken = FcmHmsPhones.NewOsToken("hms");
        var illegal = FcmHmsPhones.NewOsToken("hms");
        _hms.Script(illegal, HmsScript.Illegal);
        var (userId, session, _) = await Client.NewPhoneAsync(ApiClient.RingPath, osToken, "HUAWEI");
        await Client.AddPhoneAsync(ApiClient.RingPath, session, illegal, "HUAWEI");

        var (status, _) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");

        var secrets = _hms.IssuedAccessTokens.Append(Secret).Append(osToken).Append(illegal);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(_hms.IssuedAccessTokens, Is.Not.Empty);
            Assert.That(Factory.Logs.LinesHolding(secrets), Is.Empty);
        });
    }
}
