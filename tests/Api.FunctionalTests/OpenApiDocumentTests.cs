using System.Net;
using System.Text.Json.Nodes;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests;

/// <summary>
/// The OpenAPI document (API.md section 8) is valid for the tools that read it: ECMA-262 patterns, the server it was
/// read from, and a security requirement stated on every operation, empty on register and login.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private PushTokenApiFactory _factory = null!;
    private HttpClient _client = null!;
    private JsonNode _document = null!;

    [OneTimeSetUp]
    public async Task ReadDocument()
    {
        _factory = new PushTokenApiFactory();
        _client = _factory.CreateClient();
        using var response = await _client.GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [OneTimeTearDown]
    public void StopService()
    {
        _client.Dispose();
        _factory.Dispose();
        _factory.DeleteDatabase();
    }

    [Test]
    public void Push_platform_pattern_is_ECMA_262_and_accepts_any_case()
    {
        var pattern = _document["components"]!["schemas"]!["PushTokenDoc"]!["properties"]!["push_platform"]!["pattern"]!.GetValue<string>();

        // .NET's ECMAScript option refuses inline flags such as (?i), as JavaScript does.
        var regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.ECMAScript);
        Assert.Multiple(() =>
        {
            Assert.That(pattern, Does.Not.Contain("(?i)"));
            Assert.That(new[] { "HUAWEI", "huawei", "Xiaomi", "oppo", "VIVO", "Honor", "meizu", "fcm" }.All(regex.IsMatch), Is.True);
            Assert.That(new[] { "APNS", "huaweii", "", "FCM " }.Any(regex.IsMatch), Is.False);
        });
    }

    [Test]
    public void Servers_name_the_address_the_document_was_read_from()
    {
        var servers = _document["servers"]!.AsArray();

        Assert.That(servers.Select(server => server!["url"]!.GetValue<string>()), Is.EqualTo(new[] { _client.BaseAddress!.GetLeftPart(UriPartial.Authority) }));
    }

    [TestCase(ApiClient.RegisterPath)]
    [TestCase(ApiClient.LoginPath)]
    public void Register_and_login_state_that_they_need_no_credentials(string path)
    {
        var security = _document["paths"]![path]!["post"]!["security"];

        Assert.That(security?.AsArray(), Is.Not.Null.And.Empty);
    }

    [Test]
    public void Every_operation_states_its_security_requirement()
    {
        var operations = _document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Name: $"{operation.Key} {path.Key}", Operation: operation.Value!)));

        Assert.That(operations.Where(o => o.Operation["security"] is null).Select(o => o.Name), Is.Empty);
    }
}
