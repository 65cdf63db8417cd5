using System.Text.Json.Nodes;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>Calls to the internal API the way a push sender makes them, with the keys the test services are configured with.</summary>
public static class AdminApi
{
    public const string Key = "sender-key-6f1d0c9e4b2a4d7f";
    public const string SecondKey = "support-tool-key-2";
    public const string LookupPath = "/v1/api/admin/tokens/lookup";
    public const string InvalidatePath = "/v1/api/admin/tokens/invalidate";
    public const string StatsPath = "/v1/api/admin/stats";

    /// <summary>Two configured keys, the way deployment sets them (Admin__ApiKeys__0, Admin__ApiKeys__1).</summary>
    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Admin:ApiKeys:0"] = Key,
            ["Admin:ApiKeys:1"] = SecondKey,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static string UserTokensPath(object userId) => $"/v1/api/admin/users/{userId}/tokens";

    public static string SessionsPath(object userId) => $"/v1/api/admin/users/{userId}/sessions";

    public static HttpRequestMessage Request(HttpMethod method, string path, string? json = null, string? apiKey = Key)
    {
        var request = ApiClient.Json(method, path, json);
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
        }

        return request;
    }

    public static Task<ApiResponse> AdminAsync(
        this HttpClient client, HttpMethod method, string path, string? json = null, string? apiKey = Key) =>
        client.CallAsync(Request(method, path, json, apiKey));

    /// <summary>The push tokens of a list of records, in order.</summary>
    public static string[] PushTokens(this JsonNode? records) =>
        records!.AsArray().Select(record => record!["push_token"]!.GetValue<string>()).ToArray();
}
