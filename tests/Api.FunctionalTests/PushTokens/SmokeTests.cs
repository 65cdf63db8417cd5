using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.PushTokens;

public sealed class SmokeTests : FunctionalTestBase
{
    [Test]
    public async Task Post_then_get_returns_the_record()
    {
        var (_, token) = await Client.NewSessionAsync();

        var (status, created) = await Client.SendJsonAsync(HttpMethod.Post, ApiClient.RingPath, """{"push_token":"abc","language":"en"}""", token);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));

        var (listStatus, list) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token);
        Assert.Multiple(() =>
        {
            Assert.That(listStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(list!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(list[0]!["id"]!.GetValue<long>(), Is.EqualTo(created!["id"]!.GetValue<long>()));
        });
    }
}
