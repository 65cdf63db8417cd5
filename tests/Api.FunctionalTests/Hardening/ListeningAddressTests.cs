using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>API.md section 9: the listening address is the standard --urls / ASPNETCORE_URLS, so deployments can move it.</summary>
public sealed class ListeningAddressTests
{
    [Test]
    public async Task ASPNETCORE_URLS_chooses_the_listening_address()
    {
        await using var api = await ApiProcess.StartAsync(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });
        using var client = new HttpClient { BaseAddress = api.Address };
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(api.Address.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(api.Address.Port, Is.Not.EqualTo(5080));
            Assert.That(live.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        });
    }
}
