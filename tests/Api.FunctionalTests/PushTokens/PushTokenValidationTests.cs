using System.Net;
using System.Text;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.PushTokens;

/// <summary>
/// What a push-token endpoint answers to a wrong request (API.md sections 1, 4 and 5): every field error string,
/// <c>id format error</c>, the session header, and the first-failure order between them.
/// </summary>
[TestFixtureSource(typeof(TokenKinds), nameof(TokenKinds.Both))]
public sealed class PushTokenValidationTests(string path, string otherKindPath) : FunctionalTestBase
{
    private string _token = null!;
    private long _ownId;

    public static IEnumerable<TestCaseData> FieldErrors()
    {
        yield return Case("""{"language":"en"}""", "undefined push_token");
        yield return Case("""{"push_token":null,"language":"en"}""", "undefined push_token");
        yield return Case("""{"push_token":64,"language":"en"}""", "push_token format error");
        yield return Case("""{"push_token":["abc"],"language":"en"}""", "push_token format error");
        yield return Case("""{"push_token":"","language":"en"}""", "push_token length error");
        yield return Case($$"""{"push_token":"{{new string('a', 257)}}","language":"en"}""", "push_token length error");
        yield return Case("""{"push_token":"abc def","language":"en"}""", "push_token error");
        yield return Case("""{"push_token":"abc\u00e9","language":"en"}""", "push_token error");
        yield return Case("""{"push_token":"abc"}""", "undefined language");
        yield return Case("""{"push_token":"abc","language":null}""", "undefined language");
        yield return Case("""{"push_token":"abc","language":true}""", "language format error");
        yield return Case("""{"push_token":"abc","language":"e"}""", "language length error");
        yield return Case("""{"push_token":"abc","language":"zh_Hans_CN_X"}""", "language length error");
        yield return Case("""{"push_token":"abc","language":"12"}""", "language error");
        yield return Case("""{"push_token":"abc","language":"zh CN"}""", "language error");
        yield return Case("""{"push_token":"abc","language":"en","dev":"1"}""", "dev format error");
        yield return Case("""{"push_token":"abc","language":"en","dev":1.5}""", "dev format error");
        yield return Case("""{"push_token":"abc","language":"en","dev":2}""", "dev error");
        yield return Case("""{"push_token":"abc","language":"en","bundleid":7}""", "bundleid format error");
        yield return Case($$"""{"push_token":"abc","language":"en","bundleid":"{{new string('b', 129)}}"}""", "bundleid length error");
        yield return Case("""{"push_token":"abc","language":"en","bundleid":"com/example"}""", "bundleid error");
        yield return Case("""{"push_token":"abc","language":"en","os":{}}""", "os format error");
        yield return Case($$"""{"push_token":"abc","language":"en","os":"{{new string('o', 33)}}"}""", "os length error");
        yield return Case("""{"push_token":"abc","language":"en","os":"Huawei\n"}""", "os error");
        yield return Case("""{"push_token":"abc","language":"en","push_platform":"FCM"}""", "undefined os_token");
        yield return Case("""{"push_token":"abc","language":"en","os_token":"","push_platform":"FCM"}""", "undefined os_token");
        yield return Case("""{"push_token":"abc","language":"en","os_token":"t"}""", "undefined push_platform");
        yield return Case("""{"push_token":"abc","language":"en","os_token":"t","push_platform":null}""", "undefined push_platform");
        yield return Case("""{"push_token":"abc","language":"en","os_token":5,"push_platform":"FCM"}""", "os_token format error");
        yield return Case($$"""{"push_token":"abc","language":"en","os_token":"{{new string('t', 513)}}","push_platform":"FCM"}""", "os_token length error");
        yield return Case("""{"push_token":"abc","language":"en","os_token":"t t","push_platform":"FCM"}""", "os_token error");
        yield return Case("""{"push_token":"abc","language":"en","os_token":"t","push_platform":["FCM"]}""", "push_platform format error");
        yield return Case("""{"push_token":"abc","language":"en","os_token":"t","push_platform":"APNS"}""", "push_platform error");
    }

    public static IEnumerable<TestCaseData> FieldOrder()
    {
        yield return Case("""{"push_token":1,"language":1}""", "push_token format error").SetName("{m}_push_token_before_language");
        yield return Case("""{"push_token":"abc","language":"e","dev":"x"}""", "language length error").SetName("{m}_language_before_dev");
        yield return Case("""{"push_token":"abc","language":"en","dev":3,"bundleid":"a b"}""", "dev error").SetName("{m}_dev_before_bundleid");
        yield return Case("""{"push_token":"abc","language":"en","bundleid":"a b","os":1}""", "bundleid error").SetName("{m}_bundleid_before_os");
        yield return Case("""{"push_token":"abc","language":"en","os":1,"os_token":1,"push_platform":"FCM"}""", "os format error").SetName("{m}_os_before_os_token");
        yield return Case("""{"push_token":"abc","language":"en","os_token":1,"push_platform":1}""", "os_token format error").SetName("{m}_os_token_before_push_platform");
        yield return Case("""{"push_platform":"x","os_token":1,"os":1,"bundleid":1,"dev":"x","language":1,"push_token":"a b"}""", "push_token error")
            .SetName("{m}_in_table_order_not_body_order");
        yield return Case($$"""{"push_token":"{{new string(' ', 300)}}","language":"en"}""", "push_token length error").SetName("{m}_length_before_value");
        yield return Case("""{"push_token":"abc","language":"en","dev":"7"}""", "dev format error").SetName("{m}_type_before_value");
    }

    [OneTimeSetUp]
    public async Task CreateOwnRecord()
    {
        (_, _token) = await Client.NewSessionAsync();
        _ownId = (await Client.CreateTokenAsync(path, _token, ApiClient.NewPushToken()))["id"]!.GetValue<long>();
    }

    [TestCaseSource(nameof(FieldErrors))]
    public async Task Post_with_a_bad_field_is_400_with_its_error_string(string json, string error) =>
        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Post, path, json, _token), HttpStatusCode.BadRequest, error);

    [TestCaseSource(nameof(FieldErrors))]
    public async Task Put_with_a_bad_field_is_400_with_its_error_string(string json, string error) =>
        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Put, $"{path}/{_ownId}", json, _token), HttpStatusCode.BadRequest, error);

    [TestCaseSource(nameof(FieldOrder))]
    public async Task First_failing_field_wins(string json, string error) =>
        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Post, path, json, _token), HttpStatusCode.BadRequest, error);

    [TestCase("PUT", "abc")]
    [TestCase("PUT", "0")]
    [TestCase("PUT", "-1")]
    [TestCase("PUT", "1.5")]
    [TestCase("PUT", "99999999999999999999")]
    [TestCase("PUT", "1e3")]
    [TestCase("PUT", "0x10")]
    [TestCase("DELETE", "abc")]
    [TestCase("DELETE", "0")]
    [TestCase("DELETE", "-1")]
    [TestCase("DELETE", "1.5")]
    [TestCase("DELETE", "99999999999999999999")]
    public async Task Id_that_is_not_a_positive_integer_is_id_format_error(string method, string id)
    {
        var response = await Client.SendJsonAsync(new HttpMethod(method), $"{path}/{id}", """{"push_token":"abc","language":"en"}""", _token);

        ApiAssert.IsError(response, HttpStatusCode.BadRequest, "id format error");
    }

    [TestCase("GET", "")]
    [TestCase("POST", "")]
    [TestCase("PUT", "/1")]
    [TestCase("DELETE", "/1")]
    public async Task Request_without_the_token_header_is_no_token(string method, string suffix)
    {
        var response = await Client.SendJsonAsync(new HttpMethod(method), path + suffix, """{"push_token":"abc","language":"en"}""");

        ApiAssert.IsError(response, HttpStatusCode.Unauthorized, "no token");
    }

    [TestCase("GET", "")]
    [TestCase("POST", "")]
    [TestCase("PUT", "/1")]
    [TestCase("DELETE", "/1")]
    public async Task Request_with_an_empty_token_header_is_no_token(string method, string suffix)
    {
        var response = await Client.SendJsonAsync(new HttpMethod(method), path + suffix, """{"push_token":"abc","language":"en"}""", token: "");

        ApiAssert.IsError(response, HttpStatusCode.Unauthorized, "no token");
    }

    [TestCase("GET", "")]
    [TestCase("POST", "")]
    [TestCase("PUT", "/1")]
    [TestCase("DELETE", "/1")]
    public async Task Request_with_an_unknown_token_is_invalid_token(string method, string suffix)
    {
        var response = await Client.SendJsonAsync(
            new HttpMethod(method), path + suffix, """{"push_token":"abc","language":"en"}""", token: "bm90LWEtcmVhbC1zZXNzaW9uLXRva2Vu");

        ApiAssert.IsError(response, HttpStatusCode.Unauthorized, "invalid token");
    }

    [Test]
    public async Task Authorization_bearer_is_accepted_as_the_token_header()
    {
        var pushToken = ApiClient.NewPushToken();

        var post = await Client.CallAsync(ApiClient.Json(HttpMethod.Post, path, $$"""{"push_token":"{{pushToken}}","language":"en"}""").WithBearer(_token));
        var list = await Client.CallAsync(ApiClient.Json(HttpMethod.Get, path, null).WithBearer(_token));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(post.Status, Is.EqualTo(HttpStatusCode.Created), post.Text);
            Assert.That(list.Status, Is.EqualTo(HttpStatusCode.OK), list.Text);
            Assert.That(list.Array.WithPushToken(pushToken), Is.Not.Null);
        }
    }

    [Test]
    public async Task Missing_token_is_reported_before_a_bad_id_and_a_bad_body()
    {
        var response = await Client.CallAsync(ApiClient.Raw(HttpMethod.Put, $"{path}/abc", new StringContent("<xml/>", Encoding.UTF8, "text/xml")));

        ApiAssert.IsError(response, HttpStatusCode.Unauthorized, "no token");
    }

    [Test]
    public async Task Invalid_token_is_reported_before_a_bad_id()
    {
        var response = await Client.SendJsonAsync(HttpMethod.Delete, $"{path}/abc", null, token: "unknown");

        ApiAssert.IsError(response, HttpStatusCode.Unauthorized, "invalid token");
    }

    [Test]
    public async Task Bad_id_is_reported_before_a_bad_body()
    {
        var response = await Client.CallAsync(ApiClient.Raw(HttpMethod.Put, $"{path}/0", new StringContent("<xml/>", Encoding.UTF8, "text/xml"), _token));

        ApiAssert.IsError(response, HttpStatusCode.BadRequest, "id format error");
    }

    [Test]
    public async Task Body_that_is_not_json_is_reported_before_the_fields_and_before_a_missing_record()
    {
        var wrongType = await Client.CallAsync(ApiClient.Raw(HttpMethod.Put, $"{path}/987654321", new StringContent("push_token=abc", Encoding.UTF8, "text/plain"), _token));
        var notAnObject = await Client.SendJsonAsync(HttpMethod.Put, $"{path}/987654321", """["push_token"]""", _token);

        ApiAssert.IsError(wrongType, HttpStatusCode.UnsupportedMediaType, "content-type error");
        ApiAssert.IsError(notAnObject, HttpStatusCode.BadRequest, "paramer error");
    }

    [Test]
    public async Task Field_errors_are_reported_before_a_missing_record()
    {
        var response = await Client.SendJsonAsync(HttpMethod.Put, $"{path}/987654321", """{"language":"en"}""", _token);

        ApiAssert.IsError(response, HttpStatusCode.BadRequest, "undefined push_token");
    }

    [Test]
    public async Task Field_errors_are_reported_before_the_other_kinds_id_is_found_missing()
    {
        var otherKinds = await Client.CreateTokenAsync(otherKindPath, _token, ApiClient.NewPushToken());

        var response = await Client.SendJsonAsync(HttpMethod.Put, $"{path}/{otherKinds["id"]}", """{"push_token":"abc","language":"e"}""", _token);

        ApiAssert.IsError(response, HttpStatusCode.BadRequest, "language length error");
    }

    [Test]
    public async Task Body_over_the_default_16_KiB_is_413_body_length_error()
    {
        var pad = new string('p', 16 * 1024);

        var response = await Client.PostTokenAsync(path, _token, ApiClient.NewPushToken(), $""" "pad":"{pad}" """);

        ApiAssert.IsError(response, HttpStatusCode.RequestEntityTooLarge, "body length error");
    }

    [Test]
    public async Task Body_of_the_default_16_KiB_is_read()
    {
        var head = $$"""{"push_token":"{{ApiClient.NewPushToken()}}","language":"en","pad":" """.TrimEnd();
        var json = head + new string('p', (16 * 1024) - head.Length - 2) + "\"}";

        var response = await Client.SendJsonAsync(HttpMethod.Post, path, json, _token);

        Assert.That(json, Has.Length.EqualTo(16 * 1024));
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.Text);
    }

    [Test]
    public async Task Rejected_post_stores_nothing()
    {
        var pushToken = ApiClient.NewPushToken();

        var response = await Client.SendJsonAsync(HttpMethod.Post, path, $$"""{"push_token":"{{pushToken}}","language":"en","dev":5}""", _token);

        ApiAssert.IsError(response, HttpStatusCode.BadRequest, "dev error");
        Assert.That(await Client.ListPushTokensAsync(path, _token), Does.Not.Contain(pushToken));
    }

    private static TestCaseData Case(string json, string error) => new(json, error);
}
