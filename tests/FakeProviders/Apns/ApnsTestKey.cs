using System.Security.Cryptography;

namespace PushTokenService.FakeProviders.Apns;

/// <summary>
/// An APNs signing key made for one test: the service gets its private half as a .p8 file, the fake server verifies
/// provider tokens with its public half.
/// </summary>
public sealed class ApnsTestKey : IDisposable
{
    private ApnsTestKey(string keyId, string teamId)
    {
        KeyId = keyId;
        TeamId = teamId;
        PrivateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        PublicKey = ECDsa.Create(PrivateKey.ExportParameters(includePrivateParameters: false));
    }

    public string KeyId { get; }

    public string TeamId { get; }

    public ECDsa PrivateKey { get; }

    public ECDsa PublicKey { get; }

    public static ApnsTestKey Create(string keyId = "ABC123DEFG", string teamId = "DEF123GHIJ") => new(keyId, teamId);

    /// <summary>Writes the private key as an Apple .p8 file (PKCS #8 PEM) into <paramref name="directory"/> and returns its path.</summary>
    public string WriteP8File(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"AuthKey_{KeyId}.p8");
        File.WriteAllText(path, PrivateKey.ExportPkcs8PrivateKeyPem());
        return path;
    }

    public void Dispose()
    {
        PrivateKey.Dispose();
        PublicKey.Dispose();
    }
}
