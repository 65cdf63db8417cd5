using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Infrastructure.Push.Hms;

/// <summary>
/// One send's Push Kit body (API.md section 10.3) for a chunk of one app's tokens:
/// <c>{"validate_only":false,"message":{"token":[...],"data":"{common keys}","android":{"urgency":"HIGH","ttl","notification"}}}</c>.
/// <c>data</c> is the common keys as one JSON string (<c>sent_at</c> a number inside it); <c>notification</c>, with
/// <c>click_action</c> type 3 (open the app), only for a message with a title or body.
/// </summary>
public sealed class HmsRequestBody
{
    private readonly PushMessage _message;
    private readonly string _data;

    private HmsRequestBody(PushMessage message, string data)
    {
        _message = message;
        _data = data;
    }

    public static HmsRequestBody For(PushMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            CommonPayload.WriteKeys(writer, message, allStrings: false);
            writer.WriteEndObject();
        }

        return new HmsRequestBody(message, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    public byte[] ForTokens(IEnumerable<string> tokens)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("validate_only", false);
            writer.WriteStartObject("message");
            writer.WriteStartArray("token");
            foreach (var token in tokens)
            {
                writer.WriteStringValue(token);
            }

            writer.WriteEndArray();
            writer.WriteString("data", _data);
            writer.WriteStartObject("android");
            writer.WriteString("urgency", "HIGH");
            writer.WriteString("ttl", _message.TtlSeconds.ToString(CultureInfo.InvariantCulture) + "s");
            if (_message.Kind == TokenKind.Message && (_message.Title is not null || _message.Body is not null))
            {
                WriteNotification(writer, _message);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNotification(Utf8JsonWriter writer, PushMessage message)
    {
        writer.WriteStartObject("notification");
        if (message.Title is not null)
        {
            writer.WriteString("title", message.Title);
        }

        if (message.Body is not null)
        {
            writer.WriteString("body", message.Body);
        }

        writer.WriteStartObject("click_action");
        writer.WriteNumber("type", 3);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
