using System.Text.Json.Nodes;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>
/// Sends the way an app backend does (API.md section 10.2), with a key of <see cref="AdminApi.Settings"/>, and the records
/// it sends to, made through the user API.
/// </summary>
public static class DeliveryApi
{
    public const string PushPath = "/v1/api/admin/push";

    public static Task<ApiResponse> PushAsync(this HttpClient client, string json, string? apiKey = AdminApi.Key) =>
        client.AdminAsync(HttpMethod.Post, PushPath, json, apiKey);

    /// <summary>
    /// Registers a record for the session's user through the user API and returns its id. <paramref name="more"/> is more
    /// JSON fields, no braces: <c>"os_token":"...","push_platform":"FCM"</c>.
    /// </summary>
    public static async Task<long> AddRecordAsync(this HttpClient client, string path, string session, string pushToken, string? more = null) =>
        (await client.CreateTokenAsync(path, session, pushToken, more))["id"]!.GetValue<long>();

    /// <summary>The result of one record in a send's answer.</summary>
    public static JsonNode Result(this JsonNode answer, long tokenId) =>
        answer["results"]!.AsArray().Single(result => result!["token_id"]!.GetValue<long>() == tokenId)!;

    /// <summary>The (token id, outcome) pairs of a send's answer, in its order.</summary>
    public static (long TokenId, string Outcome)[] Outcomes(this JsonNode answer) =>
        answer["results"]!.AsArray()
            .Select(result => (result!["token_id"]!.GetValue<long>(), result["outcome"]!.GetValue<string>()))
            .ToArray();
}
