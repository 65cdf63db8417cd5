using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using PushTokenService.Application.Common.Interfaces;

namespace PushTokenService.Infrastructure.Security;

/// <summary>256-bit tokens from the OS CSPRNG, base64url; stored only as their SHA-256.</summary>
public sealed class SessionTokens : ISessionTokens
{
    private const int TokenBytes = 32;

    public string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    public byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
