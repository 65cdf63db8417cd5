using System.Text.RegularExpressions;

namespace PushTokenService.Domain.Users;

/// <summary>The account rules of API.md section 2.</summary>
public static partial class AccountRules
{
    public const int UsernameMinLength = 3;
    public const int UsernameMaxLength = 64;
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;

    /// <summary>User names, e-mail addresses and phone numbers.</summary>
    public static bool IsValidUsername(string value) => UsernamePattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_.@+-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
