using Microsoft.Extensions.Options;
using PushTokenService.Infrastructure.Push.Fcm;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Fcm;

/// <summary>A configured service-account file that cannot be used stops the service at start, naming its key, never its content.</summary>
public sealed class FcmStartupTests
{
    private const string Key = "Push:Apps:com.lancens.app:Fcm:ServiceAccountFile";
    private const string Secret = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7secret";

    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("fcm-startup-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Missing_service_account_file_stops_the_start_naming_its_key()
    {
        var failure = await StartWithAsync(Path.Combine(_directory, "missing.json"));

        Assert.That(failure.Message, Does.Contain(Key).And.Contain("does not exist"));
    }

    [TestCase("{ not json " + Secret, TestName = "File_that_is_not_json_stops_the_start_naming_its_key_not_its_content")]
    [TestCase("""{"type":"service_account","project_id":"p","client_email":"a@p.iam.gserviceaccount.com","private_key":"-----BEGIN PRIVATE KEY-----\n""" + Secret + """\n-----END PRIVATE KEY-----\n"}""",
        TestName = "File_with_a_broken_private_key_stops_the_start_naming_its_key_not_its_content")]
    [TestCase("""{"type":"authorized_user","client_id":"x","client_secret":""" + "\"" + Secret + "\"}",
        TestName = "File_of_another_credential_type_stops_the_start_naming_its_key_not_its_content")]
    public async Task Unusable_service_account_file_stops_the_start(string content)
    {
        var path = Path.Combine(_directory, "service-account.json");
        File.WriteAllText(path, content);

        var failure = await StartWithAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(failure.Message, Does.Contain(Key).And.Contain("is not a Google service-account key"));
            Assert.That(failure.ToString(), Does.Not.Contain("secret"));
        });
    }

    [Test]
    public async Task Endpoint_that_is_not_a_url_stops_the_start_naming_its_key()
    {
        var failure = (await Assert.ThrowsAsync<OptionsValidationException>(() => ChannelHost.StartAsync(
            new Dictionary<string, string?> { ["Push:Fcm:Endpoint"] = "fcm.googleapis.com" }, (s, c) => s.AddFcmChannel(c))))!;

        Assert.That(failure.Message, Does.Contain("Push:Fcm:Endpoint"));
    }

    private static async Task<OptionsValidationException> StartWithAsync(string path) =>
        (await Assert.ThrowsAsync<OptionsValidationException>(() => ChannelHost.StartAsync(
            new Dictionary<string, string?> { [Key] = path }, (s, c) => s.AddFcmChannel(c))))!;
}
