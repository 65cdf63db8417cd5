using System.Globalization;

namespace PushTokenService.Application.Common.Validation;

/// <summary>An ISO 8601 date and time such as <c>2025-03-01T08:30:00Z</c> or <c>2025-03-01T16:30:00.125+08:00</c>; no offset means UTC.</summary>
public static class IsoTimestamp
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    public static bool IsValid(string text) => TryParse(text, out _);

    /// <summary>The time of a validated text.</summary>
    public static DateTimeOffset Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException("Not an ISO 8601 date and time.");
}
