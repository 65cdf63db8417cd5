using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace PushTokenService.Domain.PushTokens;

/// <summary>The field rules of API.md section 3, stated once.</summary>
public static partial class PushTokenRules
{
    public const int PushTokenMaxLength = 256;
    public const int LanguageMinLength = 2;
    public const int LanguageMaxLength = 11;
    public const int BundleIdMaxLength = 128;
    public const int OsMaxLength = 32;
    public const int OsTokenMaxLength = 512;

    /// <summary>Dev 0 is an APNs production (release) build, 1 an APNs sandbox (development) build.</summary>
    public const int DevProduction = 0;
    public const int DevSandbox = 1;

    public static readonly FrozenSet<string> PushPlatforms =
        new[] { "HUAWEI", "XIAOMI", "OPPO", "VIVO", "HONOR", "MEIZU", "FCM" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Printable ASCII without spaces (<c>!</c> to <c>~</c>).</summary>
    public static bool IsPrintableAsciiWithoutSpaces(string value)
    {
        foreach (var c in value)
        {
            if (c < '!' || c > '~')
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidLanguage(string value) => LanguagePattern().IsMatch(value);

    public static bool IsValidBundleId(string value) => BundleIdPattern().IsMatch(value);

    /// <summary>A device model name: any text without control characters.</summary>
    public static bool IsValidOs(string value) => !value.Any(char.IsControl);

    public static bool IsValidDev(long value) => value is DevProduction or DevSandbox;

    public static bool IsKnownPushPlatform(string value) => PushPlatforms.Contains(value);

    public static string NormalizePushPlatform(string value) => value.ToUpperInvariant();

    [GeneratedRegex("^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex BundleIdPattern();
}
