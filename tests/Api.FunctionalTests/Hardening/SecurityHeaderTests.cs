using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>What the answers tell browsers: no CORS grant to anyone, HSTS over TLS outside Development.</summary>
public sealed class SecurityHeaderTests : FunctionalTestBase
{
    protected override PushTokenApiFactory CreateOwnHost() => new() { Environment = "Production" };

    [Test]
    public async Task A_CORS_preflight_gets_no_Access_Control_Allow_Origin()
    {
        using var client = Factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, ApiClient.RingPath);
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "token, content-type");
        using var response = await client.SendAsync(preflight);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.InRange(400, 499));
            Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(response.Headers.Contains("Access-Control-Allow-Methods"), Is.False);
            Assert.That(response.Headers.Contains("Access-Control-Allow-Headers"), Is.False);
        });
    }

    [Test]
    public async Task A_cross_origin_request_gets_no_Access_Control_Allow_Origin()
    {
        using var client = Factory.CreateClient();
        var (_, token) = await client.NewSessionAsync();
        using var request = ApiClient.Json(HttpMethod.Get, ApiClient.RingPath, null, token);
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await client.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(response.Headers.Contains("Access-Control-Allow-Credentials"), Is.False);
        });
    }

    [Test]
    public async Task Answers_over_HTTPS_carry_Strict_Transport_Security_for_a_year()
    {
        using var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://pushtokens.example.com"),
        });
        using var ok = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var notFound = await client.GetAsync(new Uri("/nothing/here", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(ok.Headers.GetValues("Strict-Transport-Security"), Is.EqualTo(new[] { "max-age=31536000; includeSubDomains" }));
            Assert.That(notFound.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(notFound.Headers.Contains("Strict-Transport-Security"), Is.True, "error answers too");
        });
    }

    [Test]
    public async Task Answers_over_plain_HTTP_carry_no_Strict_Transport_Security()
    {
        using var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://pushtokens.example.com"),
        });
        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False);
    }
}
