using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>POST /v1/api/admin/push: the api key first, then the body, then each field in table order (API.md section 10.2).</summary>
public sealed class SendPushValidationTests : FunctionalTestBase
{
    [TestCase(null, "no api key", TestName = "Send_without_an_api_key_is_401_no_api_key")]
    [TestCase("", "no api key", TestName = "Send_with_an_empty_api_key_is_401_no_api_key")]
    [TestCase("not-a-configured-key", "invalid api key", TestName = "Send_with_a_wrong_api_key_is_401_invalid_api_key")]
    public async Task Send_needs_a_configured_api_key_before_its_body_is_read(string? apiKey, string error)
    {
        var (status, body) = await Client.PushAsync("not json", apiKey);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(body.Error(), Is.EqualTo(error));
        });
    }

    [Test]
    public async Task Send_with_a_users_session_token_instead_of_an_api_key_is_401()
    {
        var (userId, session) = await Client.NewSessionAsync();

        var (status, body) = await Client.CallAsync(ApiClient.Json(HttpMethod.Post, DeliveryApi.PushPath, $$"""{"kind":"ring","user_ids":[{{userId}}]}""", session));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(body.Error(), Is.EqualTo("no api key"));
        });
    }

    private static IEnumerable<TestCaseData> Failures()
    {
        const string ids = "\"user_ids\":[1]";
        yield return Case("paramer error", "[1]");
        yield return Case("paramer error", """{"kind":"ring",""");
        yield return Case("undefined kind", """{"user_ids":[1]}""");
        yield return Case("kind format error", """{"kind":["ring"],"user_ids":[1]}""");
        yield return Case("kind error", """{"kind":"Ring","user_ids":[1]}""");
        yield return Case("undefined user_ids", """{"kind":"ring"}""");
        yield return Case("user_ids format error", """{"kind":"ring","user_ids":1}""");
        yield return Case("user_ids length error", """{"kind":"ring","user_ids":[]}""");
        yield return Case("user_ids error", """{"kind":"ring","user_ids":[-3]}""");
        yield return Case("title format error", $$"""{"kind":"ring",{{ids}},"title":true}""");
        yield return Case("title length error", $$"""{"kind":"ring",{{ids}},"title":"{{new string('t', 129)}}"}""");
        yield return Case("body format error", $$"""{"kind":"ring",{{ids}},"body":12}""");
        yield return Case("body length error", $$"""{"kind":"ring",{{ids}},"body":"{{new string('b', 1025)}}"}""");
        yield return Case("data format error", $$"""{"kind":"ring",{{ids}},"data":["a"]}""");
        yield return Case("data format error", $$$"""{"kind":"ring",{{{ids}}},"data":{"event":true}}""");
        yield return Case("data length error", $$$"""{"kind":"ring",{{{ids}}},"data":{"{{{new string('k', 65)}}}":"v"}}""");
        yield return Case("data error", $$$"""{"kind":"ring",{{{ids}}},"data":{"sent_at":"1"}}""");
        yield return Case("ttl_seconds format error", $$"""{"kind":"ring",{{ids}},"ttl_seconds":30.5}""");
        yield return Case("ttl_seconds error", $$"""{"kind":"ring",{{ids}},"ttl_seconds":2419201}""");
        yield return Case("collapse_id format error", $$"""{"kind":"ring",{{ids}},"collapse_id":1}""");
        yield return Case("collapse_id length error", $$"""{"kind":"ring",{{ids}},"collapse_id":"{{new string('c', 65)}}"}""");
        yield return Case("bundleid format error", $$"""{"kind":"ring",{{ids}},"bundleid":false}""");
        yield return Case("bundleid length error", $$"""{"kind":"ring",{{ids}},"bundleid":"{{new string('a', 129)}}"}""");
        yield return Case("bundleid error", $$"""{"kind":"ring",{{ids}},"bundleid":"com lancens"}""");
        yield return Case("dry_run format error", $$"""{"kind":"ring",{{ids}},"dry_run":"yes"}""");
        yield return Case("data length error", $$$"""{"kind":"ring",{{{ids}}},"body":"{{{new string('b', 1000)}}}","data":{"k":"{{{new string('v', 2500)}}}"}}""");
    }

    private static TestCaseData Case(string error, string json) =>
        new TestCaseData(json, error).SetArgDisplayNames(error, json.Length > 60 ? json[..60] : json);

    [TestCaseSource(nameof(Failures))]
    public async Task Send_reports_the_first_failing_check_as_400(string json, string error)
    {
        var (status, body) = await Client.PushAsync(json);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.Error(), Is.EqualTo(error));
        });
    }

    [Test]
    public async Task Send_of_a_body_that_is_not_json_is_415_content_type_error()
    {
        var request = ApiClient.Raw(HttpMethod.Post, DeliveryApi.PushPath, new StringContent("kind=ring"));
        request.Headers.TryAddWithoutValidation("X-Api-Key", AdminApi.Key);

        var (status, body) = await Client.CallAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That(body.Error(), Is.EqualTo("content-type error"));
        });
    }
}
