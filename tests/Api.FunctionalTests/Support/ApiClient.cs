using System.Net;
using System.Net.Http.Headers;
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
    public const string RegisterPath = "/v1/api/user/register";
    public const string LoginPath = "/v1/api/user/login";
    public const string LogoutPath = "/v1/api/user/logout";
    public const string Password = "correct-horse-battery";

    public static HttpRequestMessage Json(HttpMethod method, string path, string? json, string? token = null) =>
        Raw(method, path, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"), token);

    public static HttpRequestMessage Raw(HttpMethod method, string path, HttpContent? content, string? token = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("token", token);
        }

        return request;
    }

    public static async Task<ApiResponse> CallAsync(this HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new ApiResponse(
                response.StatusCode,
                text.Length == 0 ? null : JsonNode.Parse(text),
                text,
                response.Content.Headers.ContentType?.MediaType,
                response.Headers.Location?.OriginalString,
                response.Headers.RetryAfter?.ToString());
        }
    }

    public static Task<ApiResponse> SendJsonAsync(
        this HttpClient client, HttpMethod method, string path, string? json, string? token = null) =>
        client.CallAsync(Json(method, path, json, token));

    /// <summary>POSTs a record with <paramref name="pushToken"/> and <c>language</c> en, plus any <paramref name="more"/> fields (JSON text, no braces).</summary>
    public static Task<ApiResponse> PostTokenAsync(this HttpClient client, string path, string token, string pushToken, string? more = null) =>
        client.SendJsonAsync(HttpMethod.Post, path, Record(pushToken, more), token);

    public static Task<ApiResponse> PutTokenAsync(this HttpClient client, string path, long id, string token, string pushToken, string? more = null) =>
        client.SendJsonAsync(HttpMethod.Put, $"{path}/{id}", Record(pushToken, more), token);

    /// <summary>POSTs a record that must be created, and returns it.</summary>
    public static async Task<JsonNode> CreateTokenAsync(this HttpClient client, string path, string token, string pushToken, string? more = null)
    {
        var response = await client.PostTokenAsync(path, token, pushToken, more);
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.Text);
        return response.Body!;
    }

    /// <summary>The caller's records of one kind, as GET returns them.</summary>
    public static async Task<JsonArray> ListAsync(this HttpClient client, string path, string token)
    {
        var response = await client.SendJsonAsync(HttpMethod.Get, path, null, token);
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        return response.Array;
    }

    /// <summary>The push_token values of the caller's records of one kind, ascending id.</summary>
    public static async Task<string[]> ListPushTokensAsync(this HttpClient client, string path, string token) =>
        (await client.ListAsync(path, token)).Select(r => r!["push_token"]!.GetValue<string>()).ToArray();

    /// <summary>A push token no other test uses: 64 hex characters, the classic APNs form.</summary>
    public static string NewPushToken() => $"{Guid.NewGuid():N}{Guid.NewGuid():N}";

    /// <summary>A user name no other test uses.</summary>
    public static string NewUsername() => $"user{Guid.NewGuid():N}"[..24];

    /// <summary>Registers a fresh user and logs in: (user id, session token).</summary>
    public static async Task<(long UserId, string Token)> NewSessionAsync(this HttpClient client, string? username = null)
    {
        username ??= NewUsername();
        var register = await client.PostAsJsonAsync(RegisterPath, new { username, password = Password });
        Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.Created), await register.Content.ReadAsStringAsync());
        return await client.LoginAsync(username);
    }

    public static async Task<(long UserId, string Token)> LoginAsync(this HttpClient client, string username)
    {
        var login = await client.PostAsJsonAsync(LoginPath, new { username, password = Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), await login.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("id").GetInt64(), body.RootElement.GetProperty("token").GetString()!);
    }

    /// <summary>A request with the session token in <c>Authorization: Bearer</c> instead of the <c>token</c> header.</summary>
    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>A time field of a record: ISO 8601 in UTC.</summary>
    public static DateTimeOffset Time(this JsonNode record, string field)
    {
        var text = record[field]!.GetValue<string>();
        Assert.That(text, Does.EndWith("Z"), $"{field} is not UTC");
        return DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The record holding <paramref name="pushToken"/> in a list, or null.</summary>
    public static JsonNode? WithPushToken(this JsonArray records, string pushToken) =>
        records.SingleOrDefault(r => r!["push_token"]!.GetValue<string>() == pushToken);

    /// <summary>The <c>error</c> string of an error body.</summary>
    public static string? Error(this JsonNode? body) => body?["error"]?.GetValue<string>();

    private static string Record(string pushToken, string? more) =>
        more is null ? $$"""{"push_token":"{{pushToken}}","language":"en"}""" : $$"""{"push_token":"{{pushToken}}","language":"en",{{more}}}""";
}
