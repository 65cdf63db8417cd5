using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Common.Interfaces;

namespace PushTokenService.Infrastructure.Security;

/// <summary>
/// ASP.NET Core Identity's PBKDF2-HMAC-SHA512 hasher at OWASP's current cost (220,000 iterations; its default of
/// 100,000 is below the guidance). Hashes of a lower cost verify as "rehash needed" and are upgraded at login.
/// </summary>
public sealed class IdentityPasswordHasher : IPasswordHasher
{
    public const int IterationCount = 220_000;

    private static readonly object User = new();
    private readonly PasswordHasher<object> _hasher;
    private readonly string _dummyHash;

    public IdentityPasswordHasher()
        : this(IterationCount)
    {
    }

    public IdentityPasswordHasher(int iterationCount)
    {
        _hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = iterationCount,
        }));
        _dummyHash = _hasher.HashPassword(User, Guid.NewGuid().ToString());
    }

    public string Hash(string password) => _hasher.HashPassword(User, password);

    public PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(User, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Success,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
        _ => PasswordCheck.Failed,
    };

    public void VerifyAgainstDummy(string password) => _hasher.VerifyHashedPassword(User, _dummyHash, password);
}
