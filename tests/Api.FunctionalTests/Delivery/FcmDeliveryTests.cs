using System.Net;
using PushTokenService.Api.FunctionalTests.Support;
using PushTokenService.FakeProviders.Fcm;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>POST /v1/api/admin/push to FCM records (API.md section 10.3) through the pipeline, against a fake FCM.</summary>
public sealed class FcmDeliveryTests : FunctionalTestBase
{
    private readonly FakeFcmServer _fcm;
    private readonly FakeServiceAccount _account;

    public FcmDeliveryTests()
    {
        _fcm = FakeFcmServer.Start();
        _account = _fcm.CreateServiceAccount("doorbell-project");
    }

    protected override PushTokenApiFactory CreateOwnHost() => new(AdminApi.Settings(
        ("Push:DeadlineSeconds", "2"),
        ("Push:Fcm:Endpoint", _fcm.Endpoint.AbsoluteUri),
        ("Push:Apps:com.lancens.app:Fcm:ServiceAccountFile", _account.Path)));

    [OneTimeTearDown]
    public async Task StopFakeAsync()
    {
        _account.Dispose();
        await _fcm.DisposeAsync();
    }

    [Test]
    public async Task Accepted_push_is_sent_with_the_message_name_and_the_record_kept()
    {
        var osToken = FcmHmsPhones.NewOsToken("fcm");
        var (userId, session, recordId) = await Client.NewPhoneAsync(ApiClient.RingPath, osToken, "FCM");

        var (status, body) = await Client.PushAsync($$$"""{"kind":"ring","user_ids":[{{{userId}}}],"data":{"door":"front"}}""");

        var send = _fcm.Sends.Single(request => FakeFcmServer.RegistrationToken(request) == osToken);
        var data = send.Json.GetProperty("message").GetProperty("data");
        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!["sent"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body.Result(recordId)["channel"]!.GetValue<string>(), Is.EqualTo("fcm"));
            Assert.That(body.Result(recordId)["outcome"]!.GetValue<string>(), Is.EqualTo("sent"));
            Assert.That(body.Result(recordId)["provider_id"]!.GetValue<string>(), Does.Match("^projects/doorbell-project/messages/[0-9]+$"));
            Assert.That(data.GetProperty("push_id").GetString(), Is.EqualTo(body["push_id"]!.GetValue<string>()));
            Assert.That(data.GetProperty("door").GetString(), Is.EqualTo("front"));
            Assert.That(data.GetProperty("kind").GetString(), Is.EqualTo("ring"));
            Assert.That(await Client.RecordIdsAsync(ApiClient.RingPath, session), Is.EqualTo(new[] { recordId }));
        });
    }

    [TestCase(FcmScript.Unregistered, "UNREGISTERED", TestName = "Unregistered_token_is_invalidated_and_its_record_deleted")]
    [TestCase(FcmScript.InvalidToken, "INVALID_ARGUMENT", TestName = "Invalid_registration_token_is_invalidated_and_its_record_deleted")]
    public async Task Dead_token_is_invalidated_and_its_record_deleted(FcmScript script, string reason)
    {
        var osToken = FcmHmsPhones.NewOsToken("fcm");
        _fcm.Script(osToken, script);
        var (userId, session, recordId) = await Client.NewPhoneAsync(ApiClient.MessagePath, osToken, "FCM");
        var kept = await Client.AddPhoneAsync(ApiClient.MessagePath, session, FcmHmsPhones.NewOsToken("fcm"), "FCM");

        var (_, body) = await Client.PushAsync($$"""{"kind":"message","user_ids":[{{userId}}],"title":"Visitor"}""");

        Assert.Multiple(async () =>
        {
            Assert.That(body!["invalidated"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body.Result(recordId)["outcome"]!.GetValue<string>(), Is.EqualTo("invalidated"));
            Assert.That(body.Result(recordId)["reason"]!.GetValue<string>(), Is.EqualTo(reason));
            Assert.That(await Client.RecordIdsAsync(ApiClient.MessagePath, session), Is.EqualTo(new[] { kept }));
        });
    }

    [TestCase(FcmScript.SenderIdMismatch, "SENDER_ID_MISMATCH", TestName = "Refused_push_fails_with_the_fcm_error_code_and_keeps_the_record")]
    [TestCase(FcmScript.ServerErrorForever, "deadline", TestName = "Push_failing_until_the_deadline_fails_with_deadline_and_keeps_the_record")]
    public async Task Failed_push_keeps_the_record(FcmScript script, string reason)
    {
        var osToken = FcmHmsPhones.NewOsToken("fcm");
        _fcm.Script(osToken, script);
        var (userId, session, recordId) = await Client.NewPhoneAsync(ApiClient.RingPath, osToken, "FCM");

        var (_, body) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");

        Assert.Multiple(async () =>
        {
            Assert.That(body!["failed"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body.Result(recordId)["outcome"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(body.Result(recordId)["reason"]!.GetValue<string>(), Is.EqualTo(reason));
            Assert.That(await Client.RecordIdsAsync(ApiClient.RingPath, session), Is.EqualTo(new[] { recordId }));
        });
    }

    [TestCase(FcmScript.RateLimitedOnce, TestName = "Rate_limited_push_is_sent_after_its_retry_after")]
    [TestCase(FcmScript.UnauthorizedOnce, TestName = "Push_with_a_rejected_access_token_is_sent_with_a_new_one")]
    public async Task Push_refused_once_is_sent_on_the_next_try(FcmScript script)
    {
        var osToken = FcmHmsPhones.NewOsToken("fcm");
        _fcm.Script(osToken, script);
        var (userId, _, recordId) = await Client.NewPhoneAsync(ApiClient.RingPath, osToken, "FCM");

        var (_, body) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");

        Assert.Multiple(() =>
        {
            Assert.That(body!.Result(recordId)["outcome"]!.GetValue<string>(), Is.EqualTo("sent"));
            Assert.That(_fcm.Sends.Count(request => FakeFcmServer.RegistrationToken(request) == osToken), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Put_during_the_send_keeps_the_record_the_provider_called_dead()
    {
        var osToken = FcmHmsPhones.NewOsToken("fcm");
        _fcm.Script(osToken, FcmScript.Unregistered);
        var (userId, session, recordId) = await Client.NewPhoneAsync(ApiClient.RingPath, osToken, "FCM");

        var (putStatus, body) = await Client.PutDuringTheSendAsync(release => _fcm.Hold(osToken, release), userId, session, recordId, "FCM");

        Assert.Multiple(async () =>
        {
            Assert.That(putStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.Result(recordId)["outcome"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(await Client.RecordIdsAsync(ApiClient.RingPath, session), Is.EqualTo(new[] { recordId }));
        });
    }

    [Test]
    public async Task Provider_calls_write_no_log_line_of_their_own()
    {
        var (userId, _, _) = await Client.NewPhoneAsync(ApiClient.RingPath, FcmHmsPhones.NewOsToken("fcm"), "FCM");

        var (status, _) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(_fcm.IssuedAccessTokens, Is.Not.Empty);
            Assert.That(
                Factory.Logs.Entries.Where(entry => entry.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal)),
                Is.Empty,
                "the send and its token request are logged only in the send's own line");
        });
    }

    [Test]
    public async Task No_log_line_holds_an_access_token_the_private_key_or_an_os_token()
    {
        var osToken = FcmHmsPhones.NewOsToken("fcm");
        var deadToken = FcmHmsPhones.NewOsToken("fcm");
        _fcm.Script(deadToken, FcmScript.Unregistered);
        var (userId, session, _) = await Client.NewPhoneAsync(ApiClient.RingPath, osToken, "FCM");
        await Client.AddPhoneAsync(ApiClient.RingPath, session, deadToken, "FCM");

        var (status, _) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");

        var keyBody = _account.PrivateKeyPem.Split('\n')[5];
        var secrets = _fcm.IssuedAccessTokens.Append(keyBody).Append(osToken).Append(deadToken);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(_fcm.IssuedAccessTokens, Is.Not.Empty);
            Assert.That(Factory.Logs.LinesHolding(secrets), Is.Empty);
        });
    }
}
