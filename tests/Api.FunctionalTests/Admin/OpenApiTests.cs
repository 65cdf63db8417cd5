using System.Text.Json.Nodes;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>The OpenAPI document describes the X-Api-Key scheme and puts it on the internal endpoints only.</summary>
public sealed class OpenApiTests : FunctionalTestBase
{
    private JsonNode _document = null!;

    [OneTimeSetUp]
    public async Task ReadDocument() => _document = await Client.ReadOpenApiDocumentAsync();

    [Test]
    public void OpenApi_describes_the_api_key_header()
    {
        var scheme = _document["components"]!["securitySchemes"]!["ApiKey"]!;

        Assert.Multiple(() =>
        {
            Assert.That(scheme["type"]!.GetValue<string>(), Is.EqualTo("apiKey"));
            Assert.That(scheme["in"]!.GetValue<string>(), Is.EqualTo("header"));
            Assert.That(scheme["name"]!.GetValue<string>(), Is.EqualTo("X-Api-Key"));
        });
    }

    [TestCase("/v1/api/admin/users/{user_id}/tokens", "get")]
    [TestCase("/v1/api/admin/tokens/lookup", "post")]
    [TestCase("/v1/api/admin/tokens/invalidate", "post")]
    [TestCase("/v1/api/admin/users/{user_id}/sessions", "delete")]
    [TestCase("/v1/api/admin/stats", "get")]
    public void OpenApi_puts_the_api_key_on_every_internal_endpoint(string path, string method)
    {
        var security = _document["paths"]![path]![method]!["security"]!.AsArray();

        Assert.That(security.Select(requirement => requirement!.AsObject().Single().Key), Is.EqualTo(new[] { "ApiKey" }));
    }

    [TestCase("/v1/api/user/token", "get", new[] { "session" })]
    [TestCase("/v1/api/user/logout", "post", new[] { "session" })]
    [TestCase("/v1/api/user/login", "post", new string[0])]
    public void OpenApi_leaves_the_api_key_off_the_user_endpoints(string path, string method, string[] schemes)
    {
        var security = _document["paths"]![path]![method]!["security"]?.AsArray() ?? [];

        Assert.That(security.Select(requirement => requirement!.AsObject().Single().Key), Is.EqualTo(schemes));
    }

    // The push-token actions read {id} from the route themselves (no action parameters, no model binding): the route
    // template alone still documents it.
    [TestCase("/v1/api/user/token/{id}", "put")]
    [TestCase("/v1/api/user/token/{id}", "delete")]
    [TestCase("/v1/api/user/message/token/{id}", "put")]
    [TestCase("/v1/api/user/message/token/{id}", "delete")]
    public void OpenApi_documents_the_record_id_in_the_path(string path, string method)
    {
        var parameters = _document["paths"]![path]![method]!["parameters"]!.AsArray();

        Assert.That(
            parameters.Select(parameter => (parameter!["name"]!.GetValue<string>(), parameter["in"]!.GetValue<string>(), parameter["required"]!.GetValue<bool>())),
            Is.EqualTo(new[] { ("id", "path", true) }));
    }

    [Test]
    public void OpenApi_describes_the_shape_of_the_stats()
    {
        var stats = _document["components"]!["schemas"]!["RegistryStatsResponse"]!["properties"]!.AsObject();

        Assert.That(
            stats.Select(property => property.Key),
            Is.EqualTo(new[] { "users", "live_sessions", "records", "push_platforms", "bundleids", "dev" }));
    }
}
