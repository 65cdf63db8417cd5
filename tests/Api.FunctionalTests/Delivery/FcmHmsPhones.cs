using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>Android phones registered through the user API, addressed by their <c>os_token</c> (API.md section 10.1).</summary>
public static class FcmHmsPhones
{
    public static string NewOsToken(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A new user with one record of <paramref name="platform"/> holding <paramref name="osToken"/>.</summary>
    public static async Task<(long UserId, string Session, long RecordId)> NewPhoneAsync(
        this HttpClient client, string path, string osToken, string platform)
    {
        var (userId, session) = await client.NewSessionAsync();
        var recordId = await client.AddPhoneAsync(path, session, osToken, platform);
        return (userId, session, recordId);
    }

    public static Task<long> AddPhoneAsync(this HttpClient client, string path, string session, string osToken, string platform) =>
        client.AddRecordAsync(path, session, ApiClient.NewPushToken(), $$""" "os_token":"{{osToken}}","push_platform":"{{platform}}" """);

    /// <summary>The ids of the caller's records of one kind.</summary>
    public static async Task<long[]> RecordIdsAsync(this HttpClient client, string path, string session) =>
        (await client.ListAsync(path, session)).Select(record => record!["id"]!.GetValue<long>()).ToArray();
}
