using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>
/// Kestrel's limits on headers, request line, body size and slow clients, over a real loopback socket
/// (API.md section 4: 413 <c>body length error</c>; 431 and 414 come from Kestrel before the app).
/// </summary>
public sealed class KestrelLimitTests
{
    private const int MaxBodyBytes = 16_384;

    // The service's own limits (appsettings.json, section Kestrel), tighter than Kestrel's defaults.
    private const int MaxRequestHeadersTotalSize = 16 * 1024;
    private const int MaxRequestHeaderCount = 50;
    private const int MaxRequestLineSize = 4 * 1024;
    private PushTokenApiFactory _factory = null!;
    private Uri _server = null!;
    private HttpClient _client = null!;
    private string _token = null!;

    [OneTimeSetUp]
    public async Task StartService()
    {
        _factory = new PushTokenApiFactory(
            new Dictionary<string, string?> { ["Limits:MaxBodyBytes"] = $"{MaxBodyBytes}" },

            // Slow clients are cut off after a second or two here instead of the service's 5 to 10, so that the test is quick.
            services: services => services.PostConfigure<KestrelServerOptions>(kestrel =>
            {
                kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(1);
                kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(2));
            }))
        {
            Environment = "Production",
        };
        _server = _factory.StartOnLoopback();
        _client = new HttpClient { BaseAddress = _server };
        (_, _token) = await _client.NewSessionAsync();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public void Kestrel_limits_are_set_explicitly_by_the_service()
    {
        using var factory = new PushTokenApiFactory(new Dictionary<string, string?> { ["Limits:MaxBodyBytes"] = "12345" });
        var kestrel = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        var limits = kestrel.Limits;
        Assert.Multiple(() =>
        {
            Assert.That(kestrel.AddServerHeader, Is.False);
            Assert.That(limits.MaxRequestBodySize, Is.EqualTo(12345), "Limits:MaxBodyBytes");
            Assert.That(limits.MaxRequestHeadersTotalSize, Is.EqualTo(MaxRequestHeadersTotalSize));
            Assert.That(limits.MaxRequestHeaderCount, Is.EqualTo(MaxRequestHeaderCount));
            Assert.That(limits.MaxRequestLineSize, Is.EqualTo(MaxRequestLineSize));
            Assert.That(limits.RequestHeadersTimeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(limits.KeepAliveTimeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That((limits.MinRequestBodyDataRate?.BytesPerSecond, limits.MinRequestBodyDataRate?.GracePeriod), Is.EqualTo((240.0, TimeSpan.FromSeconds(5))));
            Assert.That((limits.MinResponseDataRate?.BytesPerSecond, limits.MinResponseDataRate?.GracePeriod), Is.EqualTo((240.0, TimeSpan.FromSeconds(5))));
        });
    }

    [Test]
    public async Task Headers_over_the_total_size_answer_431()
    {
        var response = await RawHttp.SendAsync(_server, Get("/health/live", $"X-Big: {new string('a', MaxRequestHeadersTotalSize + 1)}\r\n"));
        Assert.That(response?.Status, Is.EqualTo(431));
    }

    [Test]
    public async Task More_headers_than_the_limit_answer_431()
    {
        var headers = string.Concat(Enumerable.Range(0, MaxRequestHeaderCount + 1).Select(i => $"X-H{i}: {i}\r\n"));
        var response = await RawHttp.SendAsync(_server, Get("/health/live", headers));
        Assert.That(response?.Status, Is.EqualTo(431));
    }

    [Test]
    public async Task A_request_line_over_the_limit_answers_414()
    {
        var response = await RawHttp.SendAsync(_server, Get($"{ApiClient.RingPath}/{new string('1', MaxRequestLineSize)}", ""));
        Assert.That(response?.Status, Is.EqualTo(414));
    }

    [Test]
    public async Task A_NUL_in_the_path_answers_400_before_the_app()
    {
        var response = await RawHttp.SendAsync(_server, Get($"{ApiClient.RingPath}/1%00", $"token: {_token}\r\n"));
        Assert.That(response?.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task A_body_over_Limits_MaxBodyBytes_with_a_length_answers_413_body_length_error()
    {
        var body = $$"""{"push_token":"{{new string('a', MaxBodyBytes)}}","language":"en"}""";
        using var request = ApiClient.Json(HttpMethod.Post, ApiClient.RingPath, body, _token);
        var (status, answer) = await _client.CallAsync(request);
        Assert.That((status, answer.Error()), Is.EqualTo((HttpStatusCode.RequestEntityTooLarge, "body length error")));
    }

    [Test]
    public async Task A_chunked_body_over_Limits_MaxBodyBytes_answers_413_body_length_error()
    {
        using var connection = await RawHttp.ConnectAsync(_server);
        await connection.WriteAsync(
            $"POST {ApiClient.RingPath} HTTP/1.1\r\nHost: localhost\r\ntoken: {_token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        var chunk = new string('a', 4096);
        for (var sent = 0; sent <= MaxBodyBytes; sent += chunk.Length)
        {
            await connection.WriteAsync($"{chunk.Length:x}\r\n{chunk}\r\n");
        }

        var response = await connection.ReadResponseAsync();
        Assert.That(response?.Status, Is.EqualTo(413));
        Assert.That(JsonNode.Parse(response!.Body).Error(), Is.EqualTo("body length error"));
    }

    [Test]
    public async Task A_client_that_never_finishes_its_headers_is_disconnected()
    {
        using var connection = await RawHttp.ConnectAsync(_server);
        await connection.WriteAsync($"GET {ApiClient.RingPath} HTTP/1.1\r\nHost: localhost\r\ntoken: {_token}\r\n");

        var response = await connection.ReadResponseAsync();
        Assert.That(response is null || response.Status == 408, $"answered {response?.Status}");
        Assert.That(await connection.IsClosedByServerAsync(), Is.True);
    }

    [Test]
    public async Task A_client_that_trickles_its_body_is_cut_off_with_a_4xx()
    {
        using var connection = await RawHttp.ConnectAsync(_server);
        await connection.WriteAsync(
            "POST /v1/api/user/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"username\":");

        var response = await connection.ReadResponseAsync();
        Assert.That(response is null || response.Status is >= 400 and < 500, $"answered {response?.Status}");
        Assert.That(await connection.IsClosedByServerAsync(), Is.True);
    }

    [Test]
    public async Task Answers_carry_no_Server_header()
    {
        using var ok = await _client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var notFound = await _client.GetAsync(new Uri("/nothing/here", UriKind.Relative));
        var rejected = await RawHttp.SendAsync(_server, Get("/health/live", $"X-Big: {new string('a', MaxRequestHeadersTotalSize + 1)}\r\n"));
        Assert.Multiple(() =>
        {
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ok.Headers.Server, Is.Empty);
            Assert.That(notFound.Headers.Server, Is.Empty);
            Assert.That(rejected?.Headers.ContainsKey("Server"), Is.False);
        });
    }

    private static string Get(string path, string headers) => $"GET {path} HTTP/1.1\r\nHost: localhost\r\n{headers}\r\n";
}
