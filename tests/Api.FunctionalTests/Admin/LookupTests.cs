using System.Net;
using System.Text.Json.Nodes;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>POST /v1/api/admin/tokens/lookup.</summary>
public sealed class LookupTests : FunctionalTestBase
{
    [Test]
    public async Task Lookup_of_a_family_returns_every_ring_token_of_every_user_with_its_user_id()
    {
        var (mother, motherToken) = await Client.NewSessionAsync();
        var (father, fatherToken) = await Client.NewSessionAsync();
        var (child, childToken) = await Client.NewSessionAsync();
        var motherPhone = await Client.CreateTokenAsync(ApiClient.RingPath, motherToken, ApiClient.NewPushToken());
        var motherTablet = await Client.CreateTokenAsync(ApiClient.RingPath, motherToken, ApiClient.NewPushToken());
        var fatherPhone = await Client.CreateTokenAsync(ApiClient.RingPath, fatherToken, ApiClient.NewPushToken());
        var childPhone = await Client.CreateTokenAsync(ApiClient.RingPath, childToken, ApiClient.NewPushToken(), """ "os_token":"mi-1","push_platform":"XIAOMI" """);
        await Client.CreateTokenAsync(ApiClient.MessagePath, motherToken, ApiClient.NewPushToken());

        var (status, body) = await Client.AdminAsync(
            HttpMethod.Post, AdminApi.LookupPath, $$"""{"kind":"ring","user_ids":[{{child}},{{mother}},{{father}}]}""");

        var expected = new[] { (mother, motherPhone), (mother, motherTablet), (father, fatherPhone), (child, childPhone) };
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(
                body!["tokens"]!.AsArray().Select(t => t!.ToJsonString()),
                Is.EqualTo(expected.Select(e => WithUserId(e.Item2, e.Item1))));
        });
    }

    [Test]
    public async Task Lookup_of_message_kind_returns_message_records_only()
    {
        var (userId, token) = await Client.NewSessionAsync();
        await Client.CreateTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken());
        var message = await Client.CreateTokenAsync(ApiClient.MessagePath, token, ApiClient.NewPushToken());

        var (status, body) = await Client.AdminAsync(HttpMethod.Post, AdminApi.LookupPath, $$"""{"kind":"message","user_ids":[{{userId}}]}""");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo($$"""{"tokens":[{{WithUserId(message, userId)}}]}"""));
        });
    }

    [Test]
    public async Task Lookup_with_duplicate_user_ids_returns_each_record_once()
    {
        var (userId, token) = await Client.NewSessionAsync();
        var ring = await Client.CreateTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken());

        var (status, body) = await Client.AdminAsync(
            HttpMethod.Post, AdminApi.LookupPath, $$"""{"kind":"ring","user_ids":[{{userId}},{{userId}},{{userId}}]}""");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo($$"""{"tokens":[{{WithUserId(ring, userId)}}]}"""));
        });
    }

    [Test]
    public async Task Lookup_of_unknown_users_returns_no_tokens()
    {
        var (status, body) = await Client.AdminAsync(HttpMethod.Post, AdminApi.LookupPath, """{"kind":"ring","user_ids":[900000001,900000002]}""");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"tokens":[]}"""));
        });
    }

    [Test]
    public async Task Lookup_of_1000_user_ids_is_200()
    {
        var (userId, token) = await Client.NewSessionAsync();
        var ring = await Client.CreateTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken());
        var ids = Enumerable.Range(1, 999).Select(i => (long)i + 800_000_000).Append(userId);

        var (status, body) = await Client.AdminAsync(HttpMethod.Post, AdminApi.LookupPath, LookupBody(ids));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo($$"""{"tokens":[{{WithUserId(ring, userId)}}]}"""));
        });
    }

    [TestCase(1001)]
    [TestCase(0)]
    public async Task Lookup_of_0_or_more_than_1000_user_ids_is_400_user_ids_length_error(int count)
    {
        var (status, body) = await Client.AdminAsync(
            HttpMethod.Post, AdminApi.LookupPath, LookupBody(Enumerable.Range(1, count).Select(i => (long)i)));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.Error(), Is.EqualTo("user_ids length error"));
        });
    }

    [TestCase("""{"user_ids":[1]}""", "undefined kind")]
    [TestCase("""{"kind":null,"user_ids":[1]}""", "undefined kind")]
    [TestCase("""{"kind":1,"user_ids":[1]}""", "kind format error")]
    [TestCase("""{"kind":["ring"],"user_ids":[1]}""", "kind format error")]
    [TestCase("""{"kind":"bell","user_ids":[1]}""", "kind error")]
    [TestCase("""{"kind":"RING","user_ids":[1]}""", "kind error")]
    [TestCase("""{"kind":"","user_ids":[1]}""", "kind error")]
    [TestCase("""{"kind":1,"user_ids":"x"}""", "kind format error")]
    [TestCase("""{"kind":"ring"}""", "undefined user_ids")]
    [TestCase("""{"kind":"ring","user_ids":null}""", "undefined user_ids")]
    [TestCase("""{"kind":"ring","user_ids":1}""", "user_ids format error")]
    [TestCase("""{"kind":"ring","user_ids":"1,2"}""", "user_ids format error")]
    [TestCase("""{"kind":"ring","user_ids":{"0":1}}""", "user_ids format error")]
    [TestCase("""{"kind":"ring","user_ids":["1"]}""", "user_ids format error")]
    [TestCase("""{"kind":"ring","user_ids":[1.5]}""", "user_ids format error")]
    [TestCase("""{"kind":"ring","user_ids":[1,null]}""", "user_ids format error")]
    [TestCase("""{"kind":"ring","user_ids":[1,[2]]}""", "user_ids format error")]
    [TestCase("""{"kind":"ring","user_ids":[99999999999999999999]}""", "user_ids format error")]
    [TestCase("""{"kind":"ring","user_ids":[]}""", "user_ids length error")]
    [TestCase("""{"kind":"ring","user_ids":[0]}""", "user_ids error")]
    [TestCase("""{"kind":"ring","user_ids":[5,-1]}""", "user_ids error")]
    [TestCase("""[1,2]""", "paramer error")]
    [TestCase("""{"kind":"ring","user_ids":[1]""", "paramer error")]
    public async Task Lookup_reports_the_first_failing_check(string json, string error)
    {
        var (status, body) = await Client.AdminAsync(HttpMethod.Post, AdminApi.LookupPath, json);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.Error(), Is.EqualTo(error));
        });
    }

    private static string LookupBody(IEnumerable<long> userIds) =>
        $$"""{"kind":"ring","user_ids":[{{string.Join(',', userIds)}}]}""";

    /// <summary>A record as the user API returned it, with "user_id" after "id": how lookup returns it.</summary>
    private static string WithUserId(JsonNode record, long userId)
    {
        var result = new JsonObject();
        foreach (var (name, value) in record.AsObject())
        {
            result[name] = value?.DeepClone();
            if (name == "id")
            {
                result["user_id"] = userId;
            }
        }

        return result.ToJsonString();
    }
}
