using System.Security.Cryptography;
using System.Text.Json;

namespace PushTokenService.FakeProviders.Fcm;

/// <summary>
/// A Google service account made for a test: a new RSA key, and its JSON key file (<c>type</c>, <c>project_id</c>,
/// <c>private_key_id</c>, <c>private_key</c>, <c>client_email</c>, <c>token_uri</c>) written to <see cref="Path"/>.
/// </summary>
public sealed class FakeServiceAccount : IDisposable
{
    private FakeServiceAccount(string projectId, string clientEmail, string path, RSA key)
    {
        ProjectId = projectId;
        ClientEmail = clientEmail;
        Path = path;
        Key = key;
    }

    public string ProjectId { get; }

    public string ClientEmail { get; }

    /// <summary>The JSON key file, what <c>Push:Apps:{bundleid}:Fcm:ServiceAccountFile</c> names.</summary>
    public string Path { get; }

    /// <summary>The key pair; the fake token endpoint verifies assertions with its public half.</summary>
    public RSA Key { get; }

    /// <summary>The PEM of the private key, to check that it never reaches a log.</summary>
    public string PrivateKeyPem => Key.ExportPkcs8PrivateKeyPem();

    public static FakeServiceAccount Create(string projectId, Uri tokenUri, string directory)
    {
        var key = RSA.Create(2048);
        var clientEmail = $"push-sender@{projectId}.iam.gserviceaccount.com";
        var path = System.IO.Path.Combine(directory, $"{projectId}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = projectId,
            ["private_key_id"] = Guid.NewGuid().ToString("N"),
            ["private_key"] = key.ExportPkcs8PrivateKeyPem() + "\n",
            ["client_email"] = clientEmail,
            ["client_id"] = "100000000000000000001",
            ["token_uri"] = tokenUri.AbsoluteUri,
        }));
        return new FakeServiceAccount(projectId, clientEmail, path, key);
    }

    public void Dispose()
    {
        Key.Dispose();
        File.Delete(Path);
    }
}
