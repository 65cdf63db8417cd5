using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>With no key configured (the default) the internal API is closed.</summary>
public sealed class NoApiKeysConfiguredTests : FunctionalTestBase
{
    protected override PushTokenApiFactory CreateOwnHost() => new();

    [Test]
    public async Task Without_configured_keys_a_sent_key_is_401_invalid_api_key()
    {
        var (status, error) = await Client.AdminAsync(HttpMethod.Get, AdminApi.StatsPath);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Error(), Is.EqualTo("invalid api key"));
        });
    }

    [Test]
    public async Task Without_configured_keys_a_call_without_key_is_401_no_api_key()
    {
        var (status, error) = await Client.AdminAsync(HttpMethod.Post, AdminApi.LookupPath, """{"kind":"ring","user_ids":[1]}""", apiKey: null);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Error(), Is.EqualTo("no api key"));
        });
    }
}
