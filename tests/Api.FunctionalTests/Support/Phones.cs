using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>Calls as a phone at a given client address makes them (see <see cref="PeerAddressFromHeader"/>).</summary>
public static class Phones
{
    private static int _lastAddress;

    /// <summary>A client address no other call of this test run has used.</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _lastAddress);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostFromAsync(
        this HttpClient client, string path, object body, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(PeerAddressFromHeader.Header, address);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public static async Task<HttpResponseMessage> RegisterFromAsync(this HttpClient client, string username, string address, string password = ApiClient.Password)
    {
        var (status, body, response) = await client.PostFromAsync("/v1/api/user/register", new { username, password }, address);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        return response;
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> LoginFromAsync(
        this HttpClient client, string username, string password, string address) =>
        await client.PostFromAsync("/v1/api/user/login", new { username, password }, address);

    /// <summary>Registers a fresh user from a fresh address and logs in: (user id, session token).</summary>
    public static async Task<(long UserId, string Token, string Username)> NewPhoneSessionAsync(this HttpClient client)
    {
        var username = ApiClient.NewUsername();
        var address = NewAddress();
        (await client.RegisterFromAsync(username, address)).Dispose();
        var (status, body, response) = await client.LoginFromAsync(username, ApiClient.Password, address);
        response.Dispose();
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return (body!["id"]!.GetValue<long>(), body["token"]!.GetValue<string>(), username);
    }
}
