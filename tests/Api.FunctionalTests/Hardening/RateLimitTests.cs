using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>API.md section 4 (429) and section 9 (RateLimits:*), through the real pipeline with small limits.</summary>
public sealed class RateLimitTests : FunctionalTestBase
{
    private const int Limit = 3;

    protected override PushTokenApiFactory CreateOwnHost() => new(new Dictionary<string, string?>
    {
        ["RateLimits:LoginPerMinute"] = $"{Limit}",
        ["RateLimits:RegisterPerMinute"] = $"{Limit}",
        ["RateLimits:RequestsPerSessionPerMinute"] = $"{Limit}",
    });

    [Test]
    public async Task Failed_logins_per_user_name_beyond_the_limit_answer_429_with_retry_after_even_with_the_right_password()
    {
        var username = ApiClient.NewUsername();
        (await RegisterAsync(username)).Dispose();
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            var (status, body, response) = await Client.LoginFromAsync(username, "wrong-password", Phones.NewAddress());
            response.Dispose();
            Assert.That((status, body.Error()), Is.EqualTo((HttpStatusCode.Unauthorized, "username or password error")));
        }

        // Another address and the right password: the name itself is spent.
        var (throttled, throttledBody, throttledResponse) = await Client.LoginFromAsync(username, ApiClient.Password, Phones.NewAddress());
        using (throttledResponse)
        {
            AssertTooManyRequests(throttled, throttledBody, throttledResponse);
        }
    }

    [Test]
    public async Task Failed_logins_per_user_name_are_counted_whatever_its_case()
    {
        var username = ApiClient.NewUsername();
        (await RegisterAsync(username)).Dispose();
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            var name = attempt % 2 == 0 ? username.ToUpperInvariant() : username;
            (await Client.LoginFromAsync(name, "wrong-password", Phones.NewAddress())).Response.Dispose();
        }

        var (status, body, response) = await Client.LoginFromAsync(username, ApiClient.Password, Phones.NewAddress());
        using (response)
        {
            AssertTooManyRequests(status, body, response);
        }
    }

    [Test]
    public async Task Failed_logins_perClient_address_beyond_the_limit_answer_429_for_any_user_name()
    {
        var address = Phones.NewAddress();
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            var (status, body, response) = await Client.LoginFromAsync(ApiClient.NewUsername(), "wrong-password", address);
            response.Dispose();
            Assert.That((status, body.Error()), Is.EqualTo((HttpStatusCode.Unauthorized, "username or password error")));
        }

        var (throttled, throttledBody, throttledResponse) = await Client.LoginFromAsync(ApiClient.NewUsername(), "wrong-password", address);
        using (throttledResponse)
        {
            AssertTooManyRequests(throttled, throttledBody, throttledResponse);
        }

        // Another address is not affected.
        var (other, otherBody, otherResponse) = await Client.LoginFromAsync(ApiClient.NewUsername(), "wrong-password", Phones.NewAddress());
        otherResponse.Dispose();
        Assert.That((other, otherBody.Error()), Is.EqualTo((HttpStatusCode.Unauthorized, "username or password error")));
    }

    [Test]
    public async Task Successful_logins_do_not_count_against_the_limit()
    {
        var username = ApiClient.NewUsername();
        var address = Phones.NewAddress();
        (await RegisterAsync(username)).Dispose();
        for (var attempt = 0; attempt < Limit + 2; attempt++)
        {
            var (status, body, response) = await Client.LoginFromAsync(username, ApiClient.Password, address);
            response.Dispose();
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        }

        // The failures left are all still there.
        var (failed, failedBody, failedResponse) = await Client.LoginFromAsync(username, "wrong-password", address);
        failedResponse.Dispose();
        Assert.That((failed, failedBody.Error()), Is.EqualTo((HttpStatusCode.Unauthorized, "username or password error")));
    }

    [Test]
    public async Task Registrations_perClient_address_beyond_the_limit_answer_429_with_retry_after()
    {
        var address = Phones.NewAddress();
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            (await Client.RegisterFromAsync(ApiClient.NewUsername(), address)).Dispose();
        }

        var (status, body, response) = await Client.PostFromAsync(
            "/v1/api/user/register", new { username = ApiClient.NewUsername(), password = ApiClient.Password }, address);
        using (response)
        {
            AssertTooManyRequests(status, body, response);
        }

        (await Client.RegisterFromAsync(ApiClient.NewUsername(), Phones.NewAddress())).Dispose();
    }

    [Test]
    public async Task Requests_per_session_beyond_the_budget_answer_429_with_retry_after_and_other_sessions_go_on()
    {
        var (_, token, _) = await PhoneSessionAsync();
        var (_, otherToken, _) = await PhoneSessionAsync();
        for (var request = 0; request < Limit; request++)
        {
            var (status, _) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        }

        using (var throttled = await Client.SendAsync(ApiClient.Json(HttpMethod.Get, ApiClient.MessagePath, null, token)))
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(await throttled.Content.ReadAsStringAsync());
            AssertTooManyRequests(throttled.StatusCode, body, throttled);
        }

        var (otherStatus, _) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, otherToken);
        Assert.That(otherStatus, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Requests_per_session_limit_of_0_is_off()
    {
        using var factory = new PushTokenApiFactory(new Dictionary<string, string?> { ["RateLimits:RequestsPerSessionPerMinute"] = "0" });
        using var client = factory.CreateClient();
        var (_, token) = await client.NewSessionAsync();
        for (var request = 0; request < 50; request++)
        {
            var (status, _) = await client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), $"request {request + 1}");
        }
    }

    private Task<HttpResponseMessage> RegisterAsync(string username) => Client.RegisterFromAsync(username, Phones.NewAddress());

    // Every registration from a fresh address, so that the register limit does not get in the way.
    private Task<(long UserId, string Token, string Username)> PhoneSessionAsync() => Client.NewPhoneSessionAsync();

    private static void AssertTooManyRequests(HttpStatusCode status, System.Text.Json.Nodes.JsonNode? body, HttpResponseMessage response)
    {
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(body.Error(), Is.EqualTo("too many requests"));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.Not.Null.And.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));
        });
    }
}
