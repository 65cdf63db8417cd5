using System.Text.Json.Nodes;
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

    /// <summary>
    /// Sends a ring to <paramref name="userId"/> while the provider holds its answer for the record's token (through
    /// <paramref name="hold"/>, which completes when the send arrived), PUTs the record onto a new <c>os_token</c>
    /// meanwhile, then lets the provider answer. Returns the PUT's status and the send's answer.
    /// </summary>
    public static async Task<(System.Net.HttpStatusCode PutStatus, JsonNode Answer)> PutDuringTheSendAsync(
        this HttpClient client, Func<Task, Task> hold, long userId, string session, long recordId, string platform)
    {
        var release = new TaskCompletionSource();
        var arrived = hold(release.Task);
        var push = client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");
        await arrived;
        var put = await client.PutTokenAsync(
            ApiClient.RingPath, recordId, session, ApiClient.NewPushToken(), $$""" "os_token":"{{NewOsToken("moved")}}","push_platform":"{{platform}}" """);
        release.SetResult();
        return (put.Status, (await push).Body!);
    }

    /// <summary>The log lines that hold any of <paramref name="secrets"/>.</summary>
    public static string[] LinesHolding(this LogCapture logs, IEnumerable<string> secrets)
    {
        var held = secrets.ToArray();
        return logs.Lines.Where(line => held.Any(line.Contains)).ToArray();
    }
}
