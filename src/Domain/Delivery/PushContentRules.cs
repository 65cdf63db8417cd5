using System.Collections.Frozen;
using System.Text;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Domain.Delivery;

/// <summary>What one send may carry (API.md section 10.2), stated once.</summary>
public static class PushContentRules
{
    public const int MaxUserIds = 1000;
    public const int TitleMaxLength = 128;
    public const int BodyMaxLength = 1024;
    public const int MaxDataKeys = 32;
    public const int DataKeyMinLength = 1;
    public const int DataKeyMaxLength = 64;
    public const int CollapseIdMinLength = 1;
    public const int CollapseIdMaxLength = 64;

    /// <summary>APNs' longest expiration, four weeks.</summary>
    public const int MaxTtlSeconds = 2_419_200;

    /// <summary>Title, body and data together, in UTF-8: below APNs' 4 KB payload once its own keys are added.</summary>
    public const int MaxPayloadBytes = 3500;

    /// <summary>
    /// Keys the payload itself uses: <c>aps</c> is APNs' dictionary, <c>push_id</c>, <c>sent_at</c> and <c>kind</c> are
    /// the common keys, and FCM's data carries <c>title</c> and <c>body</c>.
    /// </summary>
    public static readonly FrozenSet<string> ReservedDataKeys =
        new[] { "aps", "push_id", "sent_at", "kind", "title", "body" }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsValidTtl(long seconds) => seconds is >= 0 and <= MaxTtlSeconds;

    /// <summary>A ring is worth nothing after the call it announces; a message stays relevant for a day.</summary>
    public static int DefaultTtlSeconds(TokenKind kind) => kind == TokenKind.Ring ? 30 : 86_400;

    public static bool IsValidDataKey(string key) => key.Length is >= DataKeyMinLength and <= DataKeyMaxLength;

    public static bool IsReservedDataKey(string key) => ReservedDataKeys.Contains(key);

    /// <summary>The UTF-8 bytes of the title, the body and every data key and value.</summary>
    public static int PayloadBytes(string? title, string? body, IEnumerable<KeyValuePair<string, string>> data)
    {
        var bytes = Encoding.UTF8.GetByteCount(title ?? "") + Encoding.UTF8.GetByteCount(body ?? "");
        foreach (var (key, value) in data)
        {
            bytes += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
        }

        return bytes;
    }
}
