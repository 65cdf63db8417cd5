using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PushTokenService.FakeProviders.Apns;

/// <summary>
/// Checks a provider token as APNs does: an ES256 JWS whose <c>kid</c> names a known key, signed by that key, whose
/// <c>iss</c> is the key's team and whose <c>iat</c> is neither in the future nor older than an hour. Written apart from
/// any JWT library so that it checks the service's library rather than agreeing with it.
/// </summary>
public sealed class ApnsProviderTokenVerifier(IEnumerable<ApnsTestKey> keys, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    private readonly Dictionary<string, ApnsTestKey> _keys = keys.ToDictionary(key => key.KeyId, StringComparer.Ordinal);

    /// <summary>The issue time of each well-signed token seen, so that a token is verified once, not per request.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _signed = new(StringComparer.Ordinal);

    public bool IsValid(string jwt)
    {
        if (!_signed.TryGetValue(jwt, out var issuedAt))
        {
            if (Verify(jwt) is not { } verified)
            {
                return false;
            }

            issuedAt = _signed.GetOrAdd(jwt, verified);
        }

        var now = clock.GetUtcNow();
        return issuedAt <= now && now - issuedAt <= MaxAge;
    }

    private DateTimeOffset? Verify(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            if (String(header.RootElement, "alg") != "ES256"
                || String(header.RootElement, "kid") is not { } keyId
                || !_keys.TryGetValue(keyId, out var key)
                || String(claims.RootElement, "iss") != key.TeamId
                || !claims.RootElement.TryGetProperty("iat", out var iat)
                || iat.ValueKind != JsonValueKind.Number
                || !iat.TryGetInt64(out var seconds))
            {
                return null;
            }

            var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
            var signature = Base64Url.DecodeFromChars(parts[2]);
            return key.PublicKey.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
