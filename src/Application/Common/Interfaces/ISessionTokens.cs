namespace PushTokenService.Application.Common.Interfaces;

/// <summary>Makes session tokens and the only form in which they are stored.</summary>
public interface ISessionTokens
{
    /// <summary>A new token of at least 128 random bits, as URL-safe text.</summary>
    string NewToken();

    /// <summary>The SHA-256 of a token, as stored.</summary>
    byte[] Hash(string token);
}
