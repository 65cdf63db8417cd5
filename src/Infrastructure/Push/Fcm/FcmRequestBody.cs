using System.Buffers;
using System.Globalization;
using System.Text.Json;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Infrastructure.Push.Fcm;

/// <summary>
/// One send's FCM HTTP v1 body (API.md section 10.3), written once and completed per target with its token:
/// <c>{"message":{"token","data":{common keys, title, body},"notification":{title, body},"android":{priority, ttl, collapse_key}}}</c>.
/// Every <c>data</c> value is a string; <c>notification</c> only for a message with a title or body (a ring is data-only).
/// </summary>
public sealed class FcmRequestBody
{
    private static readonly byte[] Start = """{"message":{"token":"""u8.ToArray();

    // The message's members after "token" and the closing braces: ,"data":{...},...}}
    private readonly byte[] _afterToken;

    private FcmRequestBody(byte[] afterToken) => _afterToken = afterToken;

    public static FcmRequestBody For(PushMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            CommonPayload.WriteKeys(writer, message, allStrings: true);
            WriteTitleAndBody(writer, message);
            writer.WriteEndObject();

            if (message.Kind == TokenKind.Message && (message.Title is not null || message.Body is not null))
            {
                writer.WriteStartObject("notification");
                WriteTitleAndBody(writer, message);
                writer.WriteEndObject();
            }

            writer.WriteStartObject("android");
            writer.WriteString("priority", "high");
            writer.WriteString("ttl", message.TtlSeconds.ToString(CultureInfo.InvariantCulture) + "s");
            if (message.CollapseId is not null)
            {
                writer.WriteString("collapse_key", message.CollapseId);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        // The object written is {"data":...}; the message continues with its members after the token's comma.
        var members = buffer.WrittenSpan[1..];
        var afterToken = new byte[members.Length + 2];
        afterToken[0] = (byte)',';
        members.CopyTo(afterToken.AsSpan(1));
        afterToken[^1] = (byte)'}';
        return new FcmRequestBody(afterToken);
    }

    /// <summary>The whole body for one registration token.</summary>
    public byte[] ForToken(string token)
    {
        var encoded = JsonEncodedText.Encode(token).EncodedUtf8Bytes;
        var body = new byte[Start.Length + encoded.Length + 2 + _afterToken.Length];
        Start.CopyTo(body, 0);
        body[Start.Length] = (byte)'"';
        encoded.CopyTo(body.AsSpan(Start.Length + 1));
        body[Start.Length + 1 + encoded.Length] = (byte)'"';
        _afterToken.CopyTo(body, Start.Length + encoded.Length + 2);
        return body;
    }

    private static void WriteTitleAndBody(Utf8JsonWriter writer, PushMessage message)
    {
        if (message.Title is not null)
        {
            writer.WriteString("title", message.Title);
        }

        if (message.Body is not null)
        {
            writer.WriteString("body", message.Body);
        }
    }
}
