using System.Net;
using System.Text.Json.Nodes;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>The OpenAPI document the service serves (API.md section 8).</summary>
public static class OpenApiDocument
{
    public const string Path = "/swagger/v1/swagger.json";

    /// <summary>The document as JSON; the calling fixture fails unless it is served.</summary>
    public static async Task<JsonNode> ReadOpenApiDocumentAsync(this HttpClient client)
    {
        var (status, document) = await client.SendJsonAsync(HttpMethod.Get, Path, null);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        return document!;
    }
}
