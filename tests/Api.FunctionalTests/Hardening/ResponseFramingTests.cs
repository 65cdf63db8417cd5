using System.Text;
using System.Text.Json.Nodes;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>
/// The push-token answers as they cross a real socket: JSON in UTF-8, framed by a Content-Length that matches the body
/// to the byte, so that a phone's keep-alive connection reads the next answer where this one ends.
/// </summary>
[TestFixtureSource(typeof(TokenKinds), nameof(TokenKinds.Both))]
public sealed class ResponseFramingTests(string path, string otherKindPath)
{
    private PushTokenApiFactory _factory = null!;
    private Uri _server = null!;
    private string _token = null!;

    [OneTimeSetUp]
    public async Task StartService()
    {
        _factory = new PushTokenApiFactory();
        _server = _factory.StartOnLoopback();
        using var client = new HttpClient { BaseAddress = _server };
        (_, _token) = await client.NewSessionAsync();
    }

    [OneTimeTearDown]
    public void StopService() => _factory.Dispose();

    [Test]
    public async Task Post_put_and_get_on_one_connection_answer_with_their_exact_length_and_utf8_json()
    {
        var pushToken = ApiClient.NewPushToken();
        var changed = ApiClient.NewPushToken();
        using var connection = await RawHttp.ConnectAsync(_server);

        var created = await SendAsync(connection, "POST", path, $$"""{"push_token":"{{pushToken}}","language":"en"}""");
        var id = JsonNode.Parse(created.Body)!["id"]!.GetValue<long>();
        var updated = await SendAsync(connection, "PUT", $"{path}/{id}", $$"""{"push_token":"{{changed}}","language":"en","os":"Huawei"}""");
        var listed = await SendAsync(connection, "GET", path, body: null);
        var otherKind = await SendAsync(connection, "GET", otherKindPath, body: null);

        using (Assert.EnterMultipleScope())
        {
            foreach (var (response, status) in new[] { (created, 201), (updated, 200), (listed, 200), (otherKind, 200) })
            {
                Assert.That(response.Status, Is.EqualTo(status), response.Body);
                Assert.That(response.Headers.GetValueOrDefault("Content-Type"), Is.EqualTo("application/json; charset=utf-8"));
                Assert.That(response.Headers.GetValueOrDefault("Content-Length"), Is.EqualTo($"{Encoding.UTF8.GetByteCount(response.Body)}"));
                Assert.That(response.Headers.ContainsKey("Transfer-Encoding"), Is.False);
            }

            Assert.That(created.Headers.GetValueOrDefault("Location"), Is.EqualTo($"{path}/{id}"));
            Assert.That(JsonNode.Parse(created.Body)!["push_token"]!.GetValue<string>(), Is.EqualTo(pushToken));
            Assert.That(JsonNode.Parse(updated.Body)!["push_token"]!.GetValue<string>(), Is.EqualTo(changed));
            Assert.That(JsonNode.Parse(listed.Body)!.AsArray().Select(record => record!["os"]!.GetValue<string>()), Is.EqualTo(new[] { "Huawei" }));
            Assert.That(JsonNode.Parse(otherKind.Body)!.AsArray(), Is.Empty);
        }
    }

    private async Task<RawResponse> SendAsync(RawHttp connection, string method, string target, string? body)
    {
        var content = body is null ? "" : $"Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n";
        await connection.WriteAsync(Encoding.UTF8.GetBytes($"{method} {target} HTTP/1.1\r\nHost: localhost\r\ntoken: {_token}\r\n{content}\r\n{body}"));
        return await connection.ReadResponseAsync() ?? throw new AssertionException($"{method} {target}: the connection closed without an answer");
    }
}
