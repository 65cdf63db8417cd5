using System.Globalization;
using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>POST /v1/api/admin/tokens/invalidate.</summary>
public sealed class InvalidateTests : FunctionalTestBase
{
    [Test]
    public async Task Invalidate_by_push_token_deletes_the_record_then_deletes_nothing()
    {
        var (userId, token) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken);
        var json = $$"""{"kind":"ring","push_token":"{{pushToken}}"}""";

        var (firstStatus, first) = await Client.AdminAsync(HttpMethod.Post, AdminApi.InvalidatePath, json);
        var (secondStatus, second) = await Client.AdminAsync(HttpMethod.Post, AdminApi.InvalidatePath, json);
        var (_, records) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(firstStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(first!.ToJsonString(), Is.EqualTo("""{"deleted":1}"""));
            Assert.That(secondStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second!.ToJsonString(), Is.EqualTo("""{"deleted":0}"""));
            Assert.That(records!["ring"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task Invalidate_by_os_token_deletes_the_record_holding_it()
    {
        var (userId, token) = await Client.NewSessionAsync();
        var osToken = $"hms-{ApiClient.NewPushToken()}";
        await Client.CreateTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken(), $$""" "os_token":"{{osToken}}","push_platform":"HUAWEI" """);
        var kept = await Client.CreateTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken(), """ "os_token":"hms-other","push_platform":"HUAWEI" """);

        var (status, body) = await Client.AdminAsync(HttpMethod.Post, AdminApi.InvalidatePath, $$"""{"kind":"ring","os_token":"{{osToken}}"}""");
        var (_, records) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"deleted":1}"""));
            Assert.That(records!["ring"].PushTokens(), Is.EqualTo(new[] { kept["push_token"]!.GetValue<string>() }));
        });
    }

    [Test]
    public async Task Invalidate_of_one_kind_leaves_the_other_kind()
    {
        var (userId, token) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken);
        await Client.CreateTokenAsync(ApiClient.MessagePath, token, pushToken);

        var (_, body) = await Client.AdminAsync(HttpMethod.Post, AdminApi.InvalidatePath, $$"""{"kind":"message","push_token":"{{pushToken}}"}""");
        var (_, records) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"deleted":1}"""));
            Assert.That(records!["ring"].PushTokens(), Is.EqualTo(new[] { pushToken }));
            Assert.That(records["message"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task Invalidate_with_invalid_since_before_the_last_registration_keeps_the_record()
    {
        var (userId, token) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        var record = await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken);
        var updatedAt = record["updated_at"]!.GetValue<DateTime>();

        var (status, body) = await Client.AdminAsync(
            HttpMethod.Post, AdminApi.InvalidatePath, $$"""{"kind":"ring","push_token":"{{pushToken}}","invalid_since":"{{Iso(updatedAt.AddSeconds(-1))}}"}""");
        var (_, records) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"deleted":0}"""));
            Assert.That(records!["ring"].PushTokens(), Is.EqualTo(new[] { pushToken }));
        });
    }

    [Test]
    public async Task Invalidate_with_invalid_since_after_the_last_registration_deletes_the_record()
    {
        var (_, token) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        var record = await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken);
        var updatedAt = record["updated_at"]!.GetValue<DateTime>();

        var (_, body) = await Client.AdminAsync(
            HttpMethod.Post, AdminApi.InvalidatePath, $$"""{"kind":"ring","push_token":"{{pushToken}}","invalid_since":"{{Iso(updatedAt.AddSeconds(1))}}"}""");

        Assert.That(body!.ToJsonString(), Is.EqualTo("""{"deleted":1}"""));
    }

    [Test]
    public async Task Invalidate_with_invalid_since_keeps_a_token_registered_again_after_it()
    {
        var (userId, token) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        var first = await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken);
        var reportedDead = first["updated_at"]!.GetValue<DateTime>();
        await Client.AdminAsync(HttpMethod.Post, AdminApi.InvalidatePath, $$"""{"kind":"ring","push_token":"{{pushToken}}"}""");
        var again = await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken);
        Assume.That(again["updated_at"]!.GetValue<DateTime>(), Is.GreaterThan(reportedDead), "the clock moved between the two registrations");

        var (_, body) = await Client.AdminAsync(
            HttpMethod.Post, AdminApi.InvalidatePath, $$"""{"kind":"ring","push_token":"{{pushToken}}","invalid_since":"{{Iso(reportedDead)}}"}""");
        var (_, records) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"deleted":0}"""));
            Assert.That(records!["ring"].PushTokens(), Is.EqualTo(new[] { pushToken }));
        });
    }

    [Test]
    public async Task Invalidate_with_dev_touches_only_that_environment()
    {
        var (userId, token) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken, """ "bundleid":"com.lancens.release","dev":0""");
        await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken, """ "bundleid":"com.lancens.debug","dev":1""");

        var (_, body) = await Client.AdminAsync(HttpMethod.Post, AdminApi.InvalidatePath, $$"""{"kind":"ring","push_token":"{{pushToken}}","dev":1}""");
        var (_, records) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"deleted":1}"""));
            Assert.That(records!["ring"]!.AsArray().Select(r => r!["dev"]!.GetValue<int>()), Is.EqualTo(new[] { 0 }));
        });
    }

    [Test]
    public async Task Invalidate_with_bundleid_touches_only_that_app()
    {
        var (userId, token) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken, """ "bundleid":"com.lancens.doorbell" """);
        await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken, """ "bundleid":"com.lancens.camera" """);

        var (_, body) = await Client.AdminAsync(
            HttpMethod.Post, AdminApi.InvalidatePath, $$"""{"kind":"ring","push_token":"{{pushToken}}","bundleid":"com.lancens.camera"}""");
        var (_, records) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"deleted":1}"""));
            Assert.That(records!["ring"]!.AsArray().Select(r => r!["bundleid"]!.GetValue<string>()), Is.EqualTo(new[] { "com.lancens.doorbell" }));
        });
    }

    [Test]
    public async Task Invalidate_without_bundleid_or_dev_deletes_the_token_in_every_app()
    {
        var (_, token) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken, """ "bundleid":"com.lancens.doorbell" """);
        await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken, """ "bundleid":"com.lancens.camera","dev":1""");

        var (_, body) = await Client.AdminAsync(HttpMethod.Post, AdminApi.InvalidatePath, $$"""{"kind":"ring","push_token":"{{pushToken}}"}""");

        Assert.That(body!.ToJsonString(), Is.EqualTo("""{"deleted":2}"""));
    }

    [Test]
    public async Task Invalidate_with_both_push_token_and_os_token_deletes_only_a_record_holding_both()
    {
        var (_, token) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken, """ "os_token":"vivo-1","push_platform":"VIVO" """);
        var json = $$"""{"kind":"ring","push_token":"{{pushToken}}","os_token":"vivo-2"}""";

        var (_, mismatch) = await Client.AdminAsync(HttpMethod.Post, AdminApi.InvalidatePath, json);
        var (_, match) = await Client.AdminAsync(HttpMethod.Post, AdminApi.InvalidatePath, json.Replace("vivo-2", "vivo-1", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(mismatch!.ToJsonString(), Is.EqualTo("""{"deleted":0}"""));
            Assert.That(match!.ToJsonString(), Is.EqualTo("""{"deleted":1}"""));
        });
    }

    [TestCase("2025-03-01T08:30:00Z")]
    [TestCase("2025-03-01T16:30:00+08:00")]
    [TestCase("2025-03-01T08:30:00.125Z")]
    [TestCase("2025-03-01T08:30:00")]
    public async Task Invalidate_accepts_invalid_since_in_iso_8601(string invalidSince)
    {
        var (status, body) = await Client.AdminAsync(
            HttpMethod.Post, AdminApi.InvalidatePath, $$"""{"kind":"ring","push_token":"{{ApiClient.NewPushToken()}}","invalid_since":"{{invalidSince}}"}""");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"deleted":0}"""));
        });
    }

    [TestCase("""{"push_token":"abc"}""", "undefined kind")]
    [TestCase("""{"kind":2,"push_token":"abc"}""", "kind format error")]
    [TestCase("""{"kind":"voip","push_token":"abc"}""", "kind error")]
    [TestCase("""{"kind":"ring"}""", "undefined push_token")]
    [TestCase("""{"kind":"ring","push_token":null,"os_token":null}""", "undefined push_token")]
    [TestCase("""{"kind":"ring","push_token":"","os_token":""}""", "undefined push_token")]
    [TestCase("""{"kind":"ring","bundleid":"com.lancens.app"}""", "undefined push_token")]
    [TestCase("""{"kind":"ring","push_token":5}""", "push_token format error")]
    [TestCase("""{"kind":"ring","push_token":"has space"}""", "push_token error")]
    [TestCase("""{"kind":"ring","os_token":5}""", "os_token format error")]
    [TestCase("""{"kind":"ring","os_token":"has space"}""", "os_token error")]
    [TestCase("""{"kind":"ring","push_token":"abc","bundleid":7}""", "bundleid format error")]
    [TestCase("""{"kind":"ring","push_token":"abc","bundleid":"com lancens"}""", "bundleid error")]
    [TestCase("""{"kind":"ring","push_token":"abc","dev":"1"}""", "dev format error")]
    [TestCase("""{"kind":"ring","push_token":"abc","dev":1.5}""", "dev format error")]
    [TestCase("""{"kind":"ring","push_token":"abc","dev":2}""", "dev error")]
    [TestCase("""{"kind":"ring","push_token":"abc","invalid_since":1740817800000}""", "invalid_since format error")]
    [TestCase("""{"kind":"ring","push_token":"abc","invalid_since":true}""", "invalid_since format error")]
    [TestCase("""{"kind":"ring","push_token":"abc","invalid_since":"yesterday"}""", "invalid_since error")]
    [TestCase("""{"kind":"ring","push_token":"abc","invalid_since":"2025-13-01T00:00:00Z"}""", "invalid_since error")]
    [TestCase("""{"kind":"ring","push_token":"abc","invalid_since":"03/01/2025 08:30"}""", "invalid_since error")]
    [TestCase("""{"kind":1,"invalid_since":1}""", "kind format error")]
    [TestCase("""{"kind":"ring","push_token":"abc","dev":"x","invalid_since":1}""", "dev format error")]
    [TestCase("""not json""", "paramer error")]
    public async Task Invalidate_reports_the_first_failing_check(string json, string error)
    {
        var (status, body) = await Client.AdminAsync(HttpMethod.Post, AdminApi.InvalidatePath, json);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.Error(), Is.EqualTo(error));
        });
    }

    [Test]
    public async Task Invalidate_with_a_push_token_over_256_characters_is_400_push_token_length_error()
    {
        var (status, body) = await Client.AdminAsync(
            HttpMethod.Post, AdminApi.InvalidatePath, $$"""{"kind":"ring","push_token":"{{new string('a', 257)}}"}""");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.Error(), Is.EqualTo("push_token length error"));
        });
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
