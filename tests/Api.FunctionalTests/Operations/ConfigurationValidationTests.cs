using Microsoft.Extensions.Options;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Operations;

/// <summary>
/// The configuration keys of API.md section 9 are checked when the service starts: a bad value stops it with a message
/// that names the key, instead of failing a request later. Each test starts a host of its own, which deletes its
/// database when disposed.
/// </summary>
public sealed class ConfigurationValidationTests
{
    [TestCase("Limits:MaxBodyBytes", "0")]
    [TestCase("Limits:MaxBodyBytes", "-1")]
    [TestCase("RateLimits:LoginPerMinute", "0")]
    [TestCase("RateLimits:RegisterPerMinute", "0")]
    [TestCase("RateLimits:RequestsPerSessionPerMinute", "-1")]
    [TestCase("PushTokens:DefaultBundleId", "com example")]
    [TestCase("PushTokens:AllowedBundleIds:0", "com/example")]
    [TestCase("PushTokens:MaxRecordsPerKind", "0")]
    [TestCase("PushTokens:StaleAfterDays", "0")]
    [TestCase("PushTokens:PurgeIntervalMinutes", "-5")]
    [TestCase("PushTokens:PurgeIntervalMinutes", "100000")]
    [TestCase("PushTokens:PurgeBatchSize", "0")]
    [TestCase("PushTokens:ListCacheSeconds", "-1")]
    [TestCase("Sessions:LifetimeDays", "0")]
    [TestCase("Sessions:CacheSeconds", "-1")]
    [TestCase("Admin:ApiKeys:0", " sender-key")]
    [TestCase("Limits:MaxBodyBytes", "16k")]
    public void A_bad_value_stops_the_service_with_a_message_naming_its_key(string key, string value)
    {
        var setting = key.EndsWith(":0", StringComparison.Ordinal) ? key[..^2] : key;
        using var factory = new PushTokenApiFactory(new Dictionary<string, string?> { [key] = value });

        var failure = Assert.Catch(() => factory.CreateClient());

        Assert.That(failure?.Message, Does.Contain(setting));
    }

    [TestCase("0")]
    [TestCase("-1")]
    public void Service_with_a_deadline_that_is_not_positive_does_not_start_and_names_the_key(string seconds)
    {
        using var factory = new PushTokenApiFactory(AdminApi.Settings(("Push:DeadlineSeconds", seconds)));

        Assert.That(() => factory.CreateClient(), Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Push:DeadlineSeconds"));
    }

    [Test]
    public void The_default_configuration_starts()
    {
        using var factory = new PushTokenApiFactory();

        Assert.DoesNotThrow(() => factory.CreateClient().Dispose());
    }
}
