using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests;

public sealed class SmokeTests
{
    private PushTokenApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        _factory = new PushTokenApiFactory();
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        _client.Dispose();
        _factory.Dispose();
        _factory.DeleteDatabase();
    }

    [Test]
    public async Task Post_then_get_returns_the_record()
    {
        var (_, token) = await _client.NewSessionAsync();

        var (status, created) = await _client.SendJsonAsync(HttpMethod.Post, ApiClient.RingPath, """{"push_token":"abc","language":"en"}""", token);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));

        var (listStatus, list) = await _client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token);
        Assert.Multiple(() =>
        {
            Assert.That(listStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(list!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(list[0]!["id"]!.GetValue<long>(), Is.EqualTo(created!["id"]!.GetValue<long>()));
        });
    }
}
