using System.Net;
using System.Text.Json.Nodes;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>What the service answered: status, body as JSON (null when empty), the raw text and the headers a test looks at.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, string Text, string? MediaType, string? Location, string? RetryAfter)
{
    public void Deconstruct(out HttpStatusCode status, out JsonNode? body)
    {
        status = Status;
        body = Body;
    }

    /// <summary>The body's <c>id</c>.</summary>
    public long Id => Body!["id"]!.GetValue<long>();

    public JsonArray Array => Body!.AsArray();
}
