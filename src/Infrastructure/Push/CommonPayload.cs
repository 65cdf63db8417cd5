using System.Globalization;
using System.Text.Json;
using PushTokenService.Application.Admin.Common;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Infrastructure.Push;

/// <summary>
/// The payload keys every channel carries (API.md section 10.3): each <c>data</c> entry, then <c>push_id</c>, <c>kind</c>
/// and <c>sent_at</c> (Unix milliseconds), so that an app can drop a ring older than its time to live.
/// </summary>
public static class CommonPayload
{
    /// <summary>Writes the common keys as properties of the object <paramref name="writer"/> is in.</summary>
    /// <param name="allStrings">FCM's <c>data</c> takes string values only: <c>sent_at</c> is then written as a string.</param>
    public static void WriteKeys(Utf8JsonWriter writer, PushMessage message, bool allStrings)
    {
        foreach (var (key, value) in message.Data)
        {
            writer.WriteString(key, value);
        }

        writer.WriteString("push_id", message.PushId);
        writer.WriteString("kind", message.Kind == TokenKind.Ring ? TokenKindNames.Ring : TokenKindNames.Message);
        var sentAt = message.SentAt.ToUnixTimeMilliseconds();
        if (allStrings)
        {
            writer.WriteString("sent_at", sentAt.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNumber("sent_at", sentAt);
        }
    }
}
