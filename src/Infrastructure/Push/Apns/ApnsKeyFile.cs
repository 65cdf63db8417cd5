using System.Security.Cryptography;

namespace PushTokenService.Infrastructure.Push.Apns;

/// <summary>Reads an app's .p8 file: the EC P-256 private key in PKCS #8 PEM that signs its provider tokens.</summary>
public static class ApnsKeyFile
{
    /// <summary>The key, or null with the reason when the file is missing, unreadable or not a P-256 key.</summary>
    /// <remarks>The reason never quotes the file: it holds a secret.</remarks>
    public static ECDsa? TryLoad(string path, out string? problem)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = $"the file '{path}' cannot be read";
            return null;
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.ExportParameters(includePrivateParameters: false).Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                problem = null;
                return key;
            }

            problem = $"the file '{path}' is not an EC P-256 key";
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            problem = $"the file '{path}' is not a PKCS #8 PEM private key";
        }

        key.Dispose();
        return null;
    }
}
