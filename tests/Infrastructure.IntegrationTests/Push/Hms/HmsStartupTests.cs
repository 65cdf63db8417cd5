using Microsoft.Extensions.Options;
using PushTokenService.Infrastructure.Push.Hms;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Hms;

/// <summary>A configured Huawei app without its id or secret stops the service at start, naming the key.</summary>
public sealed class HmsStartupTests
{
    [TestCase("Push:Apps:com.lancens.app:Hms:AppId", TestName = "App_without_an_app_id_stops_the_start_naming_its_key")]
    [TestCase("Push:Apps:com.lancens.app:Hms:ClientSecret", TestName = "App_without_a_secret_stops_the_start_naming_its_key")]
    public async Task App_missing_a_credential_stops_the_start(string missingKey)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Push:Apps:com.lancens.app:Hms:AppId"] = "104417761",
            ["Push:Apps:com.lancens.app:Hms:ClientSecret"] = "hms-secret-9f3c1d7e2a",
        };
        settings[missingKey] = "";

        var failure = (await Assert.ThrowsAsync<OptionsValidationException>(() => ChannelHost.StartAsync(settings, (s, c) => s.AddHmsChannel(c))))!;

        Assert.Multiple(() =>
        {
            Assert.That(failure.Message, Does.Contain(missingKey + " is empty"));
            Assert.That(failure.Message, Does.Not.Contain("hms-secret-9f3c1d7e2a"));
        });
    }

    [Test]
    public async Task Token_endpoint_that_is_not_a_url_stops_the_start_naming_its_key()
    {
        var failure = (await Assert.ThrowsAsync<OptionsValidationException>(() => ChannelHost.StartAsync(
            new Dictionary<string, string?> { ["Push:Hms:TokenEndpoint"] = "/oauth2/v3/token" }, (s, c) => s.AddHmsChannel(c))))!;

        Assert.That(failure.Message, Does.Contain("Push:Hms:TokenEndpoint"));
    }
}
