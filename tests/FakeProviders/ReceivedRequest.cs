using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace PushTokenService.FakeProviders;

/// <summary>One request a fake provider received: path, headers (names in lower case), body as JSON or form.</summary>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    JsonElement Json,
    IReadOnlyDictionary<string, string> Form)
{
    public static async Task<ReceivedRequest> ReadAsync(HttpRequest request, bool recordHeaders)
    {
        IReadOnlyDictionary<string, string> form = new Dictionary<string, string>();
        var json = default(JsonElement);
        if (request.HasFormContentType)
        {
            var fields = await request.ReadFormAsync().ConfigureAwait(false);
            form = fields.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
        }
        else if (request.ContentLength is not 0)
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
                json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // A body that is not JSON stays Undefined: the fake answers it as the provider would, a bad request.
            }
        }

        var headers = recordHeaders
            ? request.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>();
        return new ReceivedRequest(request.Method, request.Path.Value ?? "", headers, json, form);
    }

    /// <summary>The bearer token of the <c>authorization</c> header, or null.</summary>
    public static string? Bearer(HttpRequest request)
    {
        StringValues value = request.Headers.Authorization;
        var text = value.ToString();
        return text.StartsWith("Bearer ", StringComparison.Ordinal) ? text["Bearer ".Length..] : null;
    }
}
