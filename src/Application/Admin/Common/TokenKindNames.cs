using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.Admin.Common;

/// <summary>The <c>kind</c> of the internal API: <c>ring</c> or <c>message</c>, exactly.</summary>
public static class TokenKindNames
{
    public const string Ring = "ring";
    public const string Message = "message";

    public static bool IsKnown(string name) => name is Ring or Message;

    /// <summary>The kind a validated name stands for.</summary>
    public static TokenKind Parse(string name) => name switch
    {
        Ring => TokenKind.Ring,
        Message => TokenKind.Message,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a token kind."),
    };
}
