using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PushTokenService.BenchDelivery.Drive;

/// <summary>
/// <c>POST /v1/api/admin/push</c> of one ring to a fixed list of users, over one kept-alive connection; the users hold
/// <paramref name="records"/> records in all, each of which should be <c>sent</c>.
/// </summary>
public sealed class ServicePush(HttpClient client, string apiKey, IEnumerable<long> userIds, int records)
{
    private const string PushPath = "v1/api/admin/push";
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly byte[] _body = Encoding.UTF8.GetBytes($$"""{"kind":"ring","user_ids":[{{string.Join(',', userIds)}}]}""");

    /// <summary>One send; answers how many of the records were not <c>sent</c>, and how many targets it had.</summary>
    public async Task<(int NotSent, int Targets)> SendAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PushPath);
        request.Headers.Add("X-Api-Key", apiKey);
        request.Content = new ByteArrayContent(_body) { Headers = { ContentType = Json } };
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"the service answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var targets = answer.RootElement.GetProperty("targets").GetInt32();
        return (Math.Max(records, targets) - answer.RootElement.GetProperty("sent").GetInt32(), targets);
    }
}
