using Microsoft.Extensions.Options;
using PushTokenService.Application.Admin.Common;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Options;

namespace PushTokenService.Application.UnitTests.Admin;

public sealed class AdminApiKeysTests
{
    private static AdminApiKeys Keys(params string[] configured)
    {
        var options = new AdminOptions();
        foreach (var key in configured)
        {
            options.ApiKeys.Add(key);
        }

        return new AdminApiKeys(Options.Create(options));
    }

    private static string? ErrorOf(Action verify)
    {
        try
        {
            verify();
            return null;
        }
        catch (UnauthenticatedException exception)
        {
            return exception.Error;
        }
    }

    [TestCase("first-key")]
    [TestCase("second-key")]
    public void A_configured_key_is_accepted(string presented) =>
        Assert.That(ErrorOf(() => Keys("first-key", "second-key").Verify(presented)), Is.Null);

    [TestCase(null)]
    [TestCase("")]
    public void No_key_is_no_api_key(string? presented) =>
        Assert.That(ErrorOf(() => Keys("first-key").Verify(presented)), Is.EqualTo("no api key"));

    [TestCase("first-ke")]
    [TestCase("first-key ")]
    [TestCase("FIRST-KEY")]
    [TestCase("a much longer key than any configured one")]
    public void A_key_that_is_not_configured_exactly_is_invalid_api_key(string presented) =>
        Assert.That(ErrorOf(() => Keys("first-key").Verify(presented)), Is.EqualTo("invalid api key"));

    [Test]
    public void Without_configured_keys_every_key_is_invalid_api_key() =>
        Assert.That(ErrorOf(() => Keys().Verify("anything")), Is.EqualTo("invalid api key"));

    [Test]
    public void Without_configured_keys_no_key_is_no_api_key() =>
        Assert.That(ErrorOf(() => Keys().Verify(null)), Is.EqualTo("no api key"));

    [TestCase(" ")]
    [TestCase("\t")]
    public void A_blank_configured_key_opens_nothing(string blank) =>
        Assert.That(ErrorOf(() => Keys(blank, "").Verify(blank)), Is.EqualTo("invalid api key"));
}
