namespace PushTokenService.Domain.PushTokens;

/// <summary>The two collections of push tokens: doorbell rings and notification messages.</summary>
public enum TokenKind
{
    Ring = 1,
    Message = 2,
}
