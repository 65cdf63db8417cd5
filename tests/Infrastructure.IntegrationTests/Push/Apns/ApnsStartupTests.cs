using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PushTokenService.FakeProviders.Apns;
using PushTokenService.Infrastructure.Push.Apns;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Apns;

/// <summary>A configured app whose APNs credentials are incomplete or unreadable stops the service at start, naming the key.</summary>
public sealed class ApnsStartupTests
{
    private const string BundleId = "com.lancens.app";

    private string _folder = null!;
    private ApnsTestKey _key = null!;
    private string _keyFile = null!;

    [SetUp]
    public void CreateKey()
    {
        _folder = Path.Combine(Path.GetTempPath(), "apns-startup-tests", Guid.NewGuid().ToString("N"));
        _key = ApnsTestKey.Create();
        _keyFile = _key.WriteP8File(_folder);
    }

    [TearDown]
    public void DeleteKey()
    {
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Complete_credentials_start()
    {
        await ChannelHost.StartAsync(Settings(), AddApns);

        using var services = ChannelHost.Services(Settings(), TimeProvider.System, AddApns);
        Assert.That(services.GetRequiredService<ApnsChannel>().IsConfigured(BundleId), Is.True);
    }

    [Test]
    public async Task Missing_key_file_stops_the_start_naming_the_key()
    {
        var settings = Settings();
        settings[ApnsOptions.Key(BundleId, "PrivateKeyFile")] = Path.Combine(_folder, "AuthKey_MISSING.p8");

        var failure = await StartFailureAsync(settings);

        Assert.That(failure, Does.Contain("Push:Apps:com.lancens.app:Apns:PrivateKeyFile"));
    }

    [Test]
    public async Task Unparsable_key_file_stops_the_start_without_printing_it()
    {
        const string content = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbCBzZWNyZXQ=\n-----END PRIVATE KEY-----\n";
        await File.WriteAllTextAsync(_keyFile, content);

        var failure = await StartFailureAsync(Settings());

        Assert.That(failure, Does.Contain("Push:Apps:com.lancens.app:Apns:PrivateKeyFile"));
        Assert.That(failure, Does.Not.Contain("bm90IGEga2V5"));
    }

    [Test]
    public async Task Key_of_another_curve_stops_the_start_without_printing_it()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var pem = p384.ExportPkcs8PrivateKeyPem();
        await File.WriteAllTextAsync(_keyFile, pem);

        var failure = await StartFailureAsync(Settings());

        Assert.That(failure, Does.Contain("Push:Apps:com.lancens.app:Apns:PrivateKeyFile"));
        Assert.That(failure, Does.Not.Contain(pem.Split('\n')[1]));
    }

    [TestCase("TeamId")]
    [TestCase("KeyId")]
    [TestCase("PrivateKeyFile")]
    public async Task Empty_setting_stops_the_start_naming_it(string setting)
    {
        var settings = Settings();
        settings[ApnsOptions.Key(BundleId, setting)] = "";

        var failure = await StartFailureAsync(settings);

        Assert.That(failure, Does.Contain($"Push:Apps:com.lancens.app:Apns:{setting}"));
    }

    [Test]
    public async Task App_without_apns_credentials_is_not_configured_and_starts()
    {
        var settings = new Dictionary<string, string?> { ["Push:Apps:com.other.app:Fcm:ServiceAccountFile"] = "fcm.json" };

        await ChannelHost.StartAsync(settings, AddApns);

        using var services = ChannelHost.Services(settings, TimeProvider.System, AddApns);
        Assert.That(services.GetRequiredService<ApnsChannel>().IsConfigured("com.other.app"), Is.False);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        [ApnsOptions.Key(BundleId, "TeamId")] = _key.TeamId,
        [ApnsOptions.Key(BundleId, "KeyId")] = _key.KeyId,
        [ApnsOptions.Key(BundleId, "PrivateKeyFile")] = _keyFile,
    };

    private static void AddApns(IServiceCollection services, IConfiguration configuration) => services.AddApnsChannel(configuration);

    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ChannelHost.StartAsync(settings, AddApns));
        return failure!.Message;
    }
}
