using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Operations;

/// <summary>Health checks and the OpenAPI document (API.md section 8).</summary>
public sealed class OperationsTests : FunctionalTestBase
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_check_answers_200_without_authentication(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task OpenApi_document_lists_every_user_endpoint()
    {
        var document = await Client.SendJsonAsync(HttpMethod.Get, OpenApiDocument.Path, null);

        Assert.That(document.Status, Is.EqualTo(HttpStatusCode.OK));
        var paths = document.Body!["paths"]!.AsObject();
        string[] Methods(string path) => paths[path]?.AsObject().Select(p => p.Key).ToArray() ?? [];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Methods("/v1/api/user/register"), Is.EquivalentTo(new[] { "post" }));
            Assert.That(Methods("/v1/api/user/login"), Is.EquivalentTo(new[] { "post" }));
            Assert.That(Methods("/v1/api/user/logout"), Is.EquivalentTo(new[] { "post" }));
            Assert.That(Methods("/v1/api/user/token"), Is.EquivalentTo(new[] { "get", "post" }));
            Assert.That(Methods("/v1/api/user/token/{id}"), Is.EquivalentTo(new[] { "put", "delete" }));
            Assert.That(Methods("/v1/api/user/message/token"), Is.EquivalentTo(new[] { "get", "post" }));
            Assert.That(Methods("/v1/api/user/message/token/{id}"), Is.EquivalentTo(new[] { "put", "delete" }));
        }
    }
}
