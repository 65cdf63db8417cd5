using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>API.md section 7: X-Api-Key opens the internal API and nothing else; session tokens never open it.</summary>
public sealed class ApiKeyTests : FunctionalTestBase
{
    private static readonly (string Method, string Path, string? Body)[] Endpoints =
    [
        ("GET", AdminApi.UserTokensPath(999999), null),
        ("POST", AdminApi.LookupPath, """{"kind":"ring","user_ids":[999999]}"""),
        ("POST", AdminApi.InvalidatePath, """{"kind":"ring","push_token":"abc"}"""),
        ("DELETE", AdminApi.SessionsPath(999999), null),
        ("GET", AdminApi.StatsPath, null),
    ];

    private static IEnumerable<TestCaseData> EveryEndpoint() =>
        Endpoints.Select(e => new TestCaseData(e.Method, e.Path, e.Body).SetArgDisplayNames(e.Method, e.Path));

    [TestCaseSource(nameof(EveryEndpoint))]
    public async Task Admin_call_without_api_key_is_401_no_api_key(string method, string path, string? body)
    {
        var (status, error) = await Client.AdminAsync(new HttpMethod(method), path, body, apiKey: null);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Error(), Is.EqualTo("no api key"));
        });
    }

    [TestCaseSource(nameof(EveryEndpoint))]
    public async Task Admin_call_with_wrong_api_key_is_401_invalid_api_key(string method, string path, string? body)
    {
        var (status, error) = await Client.AdminAsync(new HttpMethod(method), path, body, apiKey: "not-a-configured-key");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Error(), Is.EqualTo("invalid api key"));
        });
    }

    [TestCaseSource(nameof(EveryEndpoint))]
    public async Task Admin_call_with_a_configured_key_is_200(string method, string path, string? body)
    {
        var (status, answer) = await Client.AdminAsync(new HttpMethod(method), path, body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer?.ToJsonString());
    }

    [Test]
    public async Task Admin_call_with_empty_api_key_is_401_no_api_key()
    {
        var (status, error) = await Client.AdminAsync(HttpMethod.Get, AdminApi.StatsPath, apiKey: "");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Error(), Is.EqualTo("no api key"));
        });
    }

    [TestCase(AdminApi.SecondKey)]
    [TestCase(AdminApi.Key)]
    public async Task Every_configured_key_opens_the_internal_api(string key)
    {
        var (status, _) = await Client.AdminAsync(HttpMethod.Get, AdminApi.StatsPath, apiKey: key);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(AdminApi.Key + "x")]
    [TestCase("sender-key")]
    [TestCase("SENDER-KEY-6F1D0C9E4B2A4D7F")]
    public async Task A_key_that_is_almost_a_configured_one_is_401_invalid_api_key(string key)
    {
        var (status, error) = await Client.AdminAsync(HttpMethod.Get, AdminApi.StatsPath, apiKey: key);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Error(), Is.EqualTo("invalid api key"));
        });
    }

    [Test]
    public async Task Admin_call_with_a_session_token_only_is_401_no_api_key()
    {
        var (_, token) = await Client.NewSessionAsync();
        using var request = AdminApi.Request(HttpMethod.Get, AdminApi.StatsPath, apiKey: null);
        request.Headers.TryAddWithoutValidation("token", token);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");

        var (status, error) = await Client.CallAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Error(), Is.EqualTo("no api key"));
        });
    }

    [Test]
    public async Task Admin_call_with_a_session_token_as_api_key_is_401_invalid_api_key()
    {
        var (_, token) = await Client.NewSessionAsync();

        var (status, error) = await Client.AdminAsync(HttpMethod.Get, AdminApi.StatsPath, apiKey: token);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Error(), Is.EqualTo("invalid api key"));
        });
    }

    [TestCase(ApiClient.RingPath)]
    [TestCase(ApiClient.MessagePath)]
    public async Task User_endpoint_with_an_api_key_only_is_401_no_token(string path)
    {
        var (status, error) = await Client.AdminAsync(HttpMethod.Get, path);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Error(), Is.EqualTo("no token"));
        });
    }

    [Test]
    public async Task User_endpoint_with_an_api_key_as_token_is_401_invalid_token()
    {
        var (status, error) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token: AdminApi.Key);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Error(), Is.EqualTo("invalid token"));
        });
    }

    [Test]
    public async Task Api_key_is_checked_before_the_path()
    {
        var (status, error) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath("abc"), apiKey: null);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Error(), Is.EqualTo("no api key"));
        });
    }

    [Test]
    public async Task Api_key_is_checked_before_the_body()
    {
        var (status, error) = await Client.AdminAsync(HttpMethod.Post, AdminApi.LookupPath, "not json", apiKey: "wrong");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Error(), Is.EqualTo("invalid api key"));
        });
    }
}
