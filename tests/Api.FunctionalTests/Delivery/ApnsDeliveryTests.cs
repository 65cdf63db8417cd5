using System.Diagnostics;
using System.Net;
using PushTokenService.Api.FunctionalTests.Support;
using PushTokenService.FakeProviders.Apns;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>
/// POST /v1/api/admin/push to iPhones (API.md section 10.3, APNs): each answer of a fake APNs server through the real
/// pipeline, and what becomes of the record.
/// </summary>
public sealed class ApnsDeliveryTests : FunctionalTestBase
{
    private const double DeadlineSeconds = 2.5;

    private readonly ApnsTestKey _key = ApnsTestKey.Create();
    private readonly string _keyFolder = Path.Combine(Path.GetTempPath(), "apns-delivery-tests", Guid.NewGuid().ToString("N"));
    private FakeApnsServer _production = null!;
    private FakeApnsServer _sandbox = null!;

    protected override async Task<PushTokenApiFactory?> CreateOwnHostAsync()
    {
        _production = await FakeApnsServer.StartAsync([_key]);
        _sandbox = await FakeApnsServer.StartAsync([_key]);
        return new PushTokenApiFactory(AdminApi.Settings(
            ("Push:DeadlineSeconds", DeadlineSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Push:Apns:ProductionEndpoint", _production.Endpoint.AbsoluteUri),
            ("Push:Apns:SandboxEndpoint", _sandbox.Endpoint.AbsoluteUri),
            ("Push:Apps:com.lancens.app:Apns:TeamId", _key.TeamId),
            ("Push:Apps:com.lancens.app:Apns:KeyId", _key.KeyId),
            ("Push:Apps:com.lancens.app:Apns:PrivateKeyFile", _key.WriteP8File(_keyFolder))));
    }

    [OneTimeTearDown]
    public async Task StopFakesAsync()
    {
        await _production.DisposeAsync();
        await _sandbox.DisposeAsync();
        _key.Dispose();
        Directory.Delete(_keyFolder, recursive: true);
    }

    [Test]
    public async Task Accepted_ring_is_sent_with_the_apns_id_as_provider_id()
    {
        var (userId, _, pushToken, iphone) = await NewIphoneAsync(ApiClient.RingPath);

        var (status, answer) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");
        var body = answer!;

        var request = _production.RequestsFor(pushToken).Single();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body["sent"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(
                body.Result(iphone).ToJsonString(),
                Is.EqualTo($$"""{"token_id":{{iphone}},"user_id":{{userId}},"channel":"apns","outcome":"sent","provider_id":"{{request.Header("apns-id")}}"}"""));
            Assert.That(request.Header("apns-topic"), Is.EqualTo("com.lancens.app.voip"));
            Assert.That(request.Body.GetProperty("push_id").GetString(), Is.EqualTo(body["push_id"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task Unregistered_token_is_invalidated_and_its_record_deleted()
    {
        var (userId, _, _, iphone) = await NewIphoneAsync(ApiClient.RingPath, ApnsFakeAnswer.Unregistered(DateTimeOffset.UtcNow.AddMinutes(1)));

        var body = (await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""")).Body!;

        Assert.Multiple(async () =>
        {
            Assert.That(
                body.Result(iphone).ToJsonString(),
                Is.EqualTo($$"""{"token_id":{{iphone}},"user_id":{{userId}},"channel":"apns","outcome":"invalidated","reason":"Unregistered"}"""));
            Assert.That(body["invalidated"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(await RecordIdsAsync(userId, "ring"), Is.Empty);
        });
    }

    [TestCase("BadDeviceToken")]
    [TestCase("DeviceTokenNotForTopic")]
    public async Task Rejected_device_token_is_invalidated_and_its_record_deleted(string reason)
    {
        var (userId, _, _, iphone) = await NewIphoneAsync(ApiClient.MessagePath, new ApnsFakeAnswer(HttpStatusCode.BadRequest, reason));

        var body = (await Client.PushAsync($$"""{"kind":"message","user_ids":[{{userId}}],"title":"Parcel"}""")).Body!;

        Assert.That(body.Result(iphone)["outcome"]!.GetValue<string>(), Is.EqualTo("invalidated"));
        Assert.That(body.Result(iphone)["reason"]!.GetValue<string>(), Is.EqualTo(reason));
        Assert.That(await RecordIdsAsync(userId, "message"), Is.Empty);
    }

    [Test]
    public async Task Unregistered_before_the_record_was_refreshed_fails_and_keeps_the_record()
    {
        var (userId, _, _, iphone) = await NewIphoneAsync(ApiClient.RingPath, ApnsFakeAnswer.Unregistered(DateTimeOffset.UtcNow.AddDays(-1)));

        var body = (await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""")).Body!;

        Assert.That(
            body.Result(iphone).ToJsonString(),
            Is.EqualTo($$"""{"token_id":{{iphone}},"user_id":{{userId}},"channel":"apns","outcome":"failed","reason":"Unregistered"}"""));
        Assert.That(await RecordIdsAsync(userId, "ring"), Is.EqualTo(new[] { iphone }));
    }

    [Test]
    public async Task Put_of_a_new_token_during_the_send_keeps_the_record()
    {
        var release = new TaskCompletionSource();
        var (userId, session, pushToken, iphone) = await NewIphoneAsync(ApiClient.RingPath, ApnsFakeAnswer.BadDeviceToken.HeldUntil(release.Task));

        var push = Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");
        await _production.FirstRequestFor(pushToken);
        var newToken = ApiClient.NewPushToken();
        var put = await Client.PutTokenAsync(ApiClient.RingPath, iphone, session, newToken);
        release.SetResult();
        var body = (await push).Body!;

        Assert.That(put.Status, Is.EqualTo(HttpStatusCode.OK), put.Text);
        Assert.That(body.Result(iphone)["outcome"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(await Client.ListPushTokensAsync(ApiClient.RingPath, session), Is.EqualTo(new[] { newToken }));
    }

    [Test]
    public async Task Too_many_requests_is_retried_after_retry_after_and_sent()
    {
        var (userId, _, pushToken, iphone) = await NewIphoneAsync(ApiClient.RingPath, ApnsFakeAnswer.TooManyRequests(TimeSpan.FromSeconds(1)), ApnsFakeAnswer.Sent);

        // Timed on one monotonic clock around the whole send: the fake's wall-clock stamps may disagree with the timer by a tick.
        var elapsed = Stopwatch.StartNew();
        var body = (await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""")).Body!;

        var requests = _production.RequestsFor(pushToken);
        Assert.That(body.Result(iphone)["outcome"]!.GetValue<string>(), Is.EqualTo("sent"));
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(elapsed.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)), "Retry-After, not the shorter backoff, set the wait");
    }

    [Test]
    public async Task Unanswered_push_fails_with_deadline_and_keeps_the_record()
    {
        var (userId, _, _, silent) = await NewIphoneAsync(ApiClient.RingPath, ApnsFakeAnswer.Never);

        var (status, answer) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");
        var body = answer!;

        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(
                body.Result(silent).ToJsonString(),
                Is.EqualTo($$"""{"token_id":{{silent}},"user_id":{{userId}},"channel":"apns","outcome":"failed","reason":"deadline"}"""));
            Assert.That(await RecordIdsAsync(userId, "ring"), Is.EqualTo(new[] { silent }));
        });
    }

    [Test]
    public async Task Development_build_record_goes_to_the_sandbox()
    {
        var (userId, session) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        var iphone = await Client.AddRecordAsync(ApiClient.MessagePath, session, pushToken, """ "dev":1 """);

        var body = (await Client.PushAsync($$"""{"kind":"message","user_ids":[{{userId}}],"body":"Battery low"}""")).Body!;

        Assert.That(body.Result(iphone)["outcome"]!.GetValue<string>(), Is.EqualTo("sent"));
        Assert.That(_sandbox.RequestsFor(pushToken), Has.Count.EqualTo(1));
        Assert.That(_production.RequestsFor(pushToken), Is.Empty);
    }

    [Test]
    public async Task No_log_line_holds_the_provider_token_the_key_or_a_push_token()
    {
        var (userId, session) = await Client.NewSessionAsync();
        var sent = ApiClient.NewPushToken();
        var dead = ApiClient.NewPushToken();
        var failing = ApiClient.NewPushToken();
        await Client.AddRecordAsync(ApiClient.RingPath, session, sent);
        await Client.AddRecordAsync(ApiClient.RingPath, session, dead);
        await Client.AddRecordAsync(ApiClient.RingPath, session, failing);
        _production.Script(dead, ApnsFakeAnswer.BadDeviceToken);
        _production.Script(failing, new ApnsFakeAnswer(HttpStatusCode.BadRequest, "BadTopic"));

        await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");

        var keyLines = _key.PrivateKey.ExportPkcs8PrivateKeyPem().Split('\n').Where(line => !line.StartsWith("-----", StringComparison.Ordinal));
        var secrets = _production.ProviderTokens
            .SelectMany(jwt => new[] { jwt, jwt.Split('.')[2] })
            .Concat(keyLines)
            .Concat(new[] { sent, dead, failing }.SelectMany(token => new[] { token, token[^8..] }));
        Assert.Multiple(() =>
        {
            foreach (var secret in secrets)
            {
                Assert.That(Factory.Logs.Lines, Has.None.Contains(secret), $"{secret} was logged");
            }
        });
    }

    /// <summary>A new user with one iPhone record of <paramref name="path"/>'s kind, whose token APNs answers as given.</summary>
    private async Task<(long UserId, string Session, string PushToken, long RecordId)> NewIphoneAsync(
        string path, params ApnsFakeAnswer[] answers)
    {
        var (userId, session) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        var recordId = await Client.AddRecordAsync(path, session, pushToken);
        if (answers.Length > 0)
        {
            _production.Script(pushToken, answers);
        }

        return (userId, session, pushToken, recordId);
    }

    /// <summary>The ids of the user's records of <paramref name="kind"/>, as the internal API lists them.</summary>
    private async Task<long[]> RecordIdsAsync(long userId, string kind)
    {
        var response = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        return response.Body![kind]!.AsArray().Select(record => record!["id"]!.GetValue<long>()).ToArray();
    }
}
