using System.Text.Json;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Infrastructure.Push.Apns;

/// <summary>
/// The APNs body (API.md section 10.3): <c>{"aps":{...}, &lt;common keys&gt;}</c>. A ring is a VoIP push whose <c>aps</c>
/// is empty (the app reports it to CallKit); a message is an alert with the title and body given and the default sound.
/// </summary>
public static class ApnsPayload
{
    /// <summary>The UTF-8 JSON body, the same for every target of one send.</summary>
    public static byte[] Write(PushMessage message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("aps");
            if (message.Kind == TokenKind.Message)
            {
                writer.WriteStartObject("alert");
                if (message.Title is not null)
                {
                    writer.WriteString("title", message.Title);
                }

                if (message.Body is not null)
                {
                    writer.WriteString("body", message.Body);
                }

                writer.WriteEndObject();
                writer.WriteString("sound", "default");
            }

            writer.WriteEndObject();
            CommonPayload.WriteKeys(writer, message, allStrings: false);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
