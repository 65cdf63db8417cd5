using System.Text.RegularExpressions;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>The error strings of API.md section 5, and what must never reach a client (section 1).</summary>
public static partial class ContractErrors
{
    public static readonly IReadOnlySet<string> Fixed = new HashSet<string>(StringComparer.Ordinal)
    {
        "no token", "invalid token", "username or password error", "no data error", "paramer error",
        "id format error", "body length error", "content-type error", "too many requests",
    };

    /// <summary>Text that betrays internals: stack frames, exception types, SQL, provider names.</summary>
    public static readonly IReadOnlyList<string> Internals =
    [
        "Exception", "at PushTokenService", "   at ", "PushTokenService.", "System.", "Microsoft.", "SQLite", "Sqlite",
        "SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", "stack", "Stack",
    ];

    /// <summary>One of the fixed strings, or <c>undefined X</c> / <c>X format error</c> / <c>X length error</c> / <c>X error</c> / <c>X exist</c> with a field of the contract.</summary>
    public static bool IsContractError(string? error) =>
        error is not null && (Fixed.Contains(error) || FieldError().IsMatch(error));

    [GeneratedRegex("^(undefined (username|password|push_token|language|dev|bundleid|os|os_token|push_platform)|(username|password|push_token|language|dev|bundleid|os|os_token|push_platform) (format error|length error|error|exist))$")]
    private static partial Regex FieldError();
}
