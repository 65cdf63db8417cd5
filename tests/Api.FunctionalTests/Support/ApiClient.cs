using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>Plain HTTP calls the way a phone makes them, and the answers as parsed JSON.</summary>
public static class ApiClient
{
    public const string RingPath = "/v1/api/user/token";
    public const string MessagePath = "/v1/api/user/message/token";
    public const string Password = "correct-horse-battery";

    public static HttpRequestMessage Json(HttpMethod method, string path, string? json, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("token", token);
        }

        return request;
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> CallAsync(this HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body)> SendJsonAsync(
        this HttpClient client, HttpMethod method, string path, string? json, string? token = null) =>
        client.CallAsync(Json(method, path, json, token));

    /// <summary>Registers a fresh user and logs in: (user id, session token).</summary>
    public static async Task<(long UserId, string Token)> NewSessionAsync(this HttpClient client, string? username = null)
    {
        username ??= $"user{Guid.NewGuid():N}"[..24];
        var register = await client.PostAsJsonAsync("/v1/api/user/register", new { username, password = Password });
        Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.Created), await register.Content.ReadAsStringAsync());
        return await client.LoginAsync(username);
    }

    public static async Task<(long UserId, string Token)> LoginAsync(this HttpClient client, string username)
    {
        var login = await client.PostAsJsonAsync("/v1/api/user/login", new { username, password = Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), await login.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("id").GetInt64(), body.RootElement.GetProperty("token").GetString()!);
    }

    /// <summary>The <c>error</c> string of an error body.</summary>
    public static string? Error(this JsonNode? body) => body?["error"]?.GetValue<string>();
}
