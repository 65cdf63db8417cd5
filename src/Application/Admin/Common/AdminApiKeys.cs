using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Options;

namespace PushTokenService.Application.Admin.Common;

/// <summary>
/// The keys that open the internal API (API.md section 7), held as SHA-256 hashes.
/// A presented key is hashed too and compared with every configured hash in constant time, so neither its length nor
/// how much of it matches shows in the answer time.
/// </summary>
public sealed class AdminApiKeys
{
    private readonly byte[][] _hashes;

    public AdminApiKeys(IOptions<AdminOptions> options) =>
        _hashes = options.Value.ApiKeys.Where(key => !string.IsNullOrWhiteSpace(key)).Select(Hash).ToArray();

    /// <summary>Returns when <paramref name="presented"/> is a configured key; 401 <c>no api key</c> or <c>invalid api key</c> otherwise.</summary>
    public void Verify(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            throw new UnauthenticatedException(ErrorStrings.NoApiKey);
        }

        var hash = Hash(presented);
        var matched = false;
        foreach (var known in _hashes)
        {
            matched |= CryptographicOperations.FixedTimeEquals(hash, known);
        }

        if (!matched)
        {
            throw new UnauthenticatedException(ErrorStrings.InvalidApiKey);
        }
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
