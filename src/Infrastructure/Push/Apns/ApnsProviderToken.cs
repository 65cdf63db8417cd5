using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PushTokenService.Infrastructure.Push.Apns;

/// <summary>
/// The provider token of one .p8 key: an ES256 JWT with header <c>kid</c> and claims <c>iss</c> and <c>iat</c> only.
/// APNs refuses a token older than an hour and answers 429 <c>TooManyProviderTokenUpdates</c> to one made too often,
/// so every request of the key shares one token until <see cref="RenewAfter"/>, and concurrent callers never mint twice.
/// </summary>
public sealed class ApnsProviderToken : IDisposable
{
    /// <summary>Inside APNs' window of 20 to 60 minutes, with room for a clock that runs ahead of Apple's.</summary>
    public static readonly TimeSpan RenewAfter = TimeSpan.FromMinutes(40);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly ECDsa _key;
    private readonly SigningCredentials _credentials;
    private readonly string _teamId;
    private readonly TimeProvider _clock;
    private readonly Lock _minting = new();
    private volatile Issued? _current;

    public ApnsProviderToken(ECDsa key, string keyId, string teamId, TimeProvider clock)
    {
        _key = key;
        _credentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256);
        _teamId = teamId;
        _clock = clock;
    }

    /// <summary>The token to send now: the current one while it is younger than <see cref="RenewAfter"/>.</summary>
    public string Current()
    {
        var current = _current;
        if (current is not null && IsFresh(current))
        {
            return current.Jwt;
        }

        lock (_minting)
        {
            current = _current;
            if (current is null || !IsFresh(current))
            {
                _current = current = Mint();
            }

            return current.Jwt;
        }
    }

    /// <summary>
    /// After APNs answered <c>ExpiredProviderToken</c> to <paramref name="rejected"/>: a new current token, made once however
    /// many requests were refused with the same one.
    /// </summary>
    public void Renew(string rejected)
    {
        lock (_minting)
        {
            if (_current is null || _current.Jwt == rejected)
            {
                _current = Mint();
            }
        }
    }

    public void Dispose() => _key.Dispose();

    private bool IsFresh(Issued token) => _clock.GetUtcNow() - token.At < RenewAfter;

    private Issued Mint()
    {
        var now = _clock.GetUtcNow();
        var jwt = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _teamId,
            IssuedAt = now.UtcDateTime,
            SigningCredentials = _credentials,
        });
        return new Issued(jwt, now);
    }

    private sealed record Issued(string Jwt, DateTimeOffset At);
}
