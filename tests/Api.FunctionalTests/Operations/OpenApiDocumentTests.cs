using System.Text.Json.Nodes;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Operations;

/// <summary>
/// The OpenAPI document (API.md section 8) is valid for the tools that read it: ECMA-262 patterns, the server it was
/// read from, and a security requirement stated on every operation, empty on register and login.
/// </summary>
public sealed class OpenApiDocumentTests : FunctionalTestBase
{
    private JsonNode _document = null!;

    [OneTimeSetUp]
    public async Task ReadDocument() => _document = await Client.ReadOpenApiDocumentAsync();

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

        Assert.That(servers.Select(server => server!["url"]!.GetValue<string>()), Is.EqualTo(new[] { Client.BaseAddress!.GetLeftPart(UriPartial.Authority) }));
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
