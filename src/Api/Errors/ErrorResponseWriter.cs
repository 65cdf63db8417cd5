using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace PushTokenService.Api.Errors;

/// <summary>
/// Writes the contract's error body (API.md section 1): <c>error</c>, <c>code</c> for database errors,
/// <c>id</c> for <c>push_token exist</c>, inside an RFC 9457 problem document.
/// </summary>
public static class ErrorResponseWriter
{
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    public static async Task WriteAsync(HttpContext context, int status, string error, int? code = null, long? id = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = ProblemContentType;
        response.Headers.CacheControl = "no-store";

        await using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "about:blank");
            writer.WriteString("title", ReasonPhrases.GetReasonPhrase(status));
            writer.WriteNumber("status", status);
            writer.WriteString("error", error);
            if (code is { } databaseCode)
            {
                writer.WriteNumber("code", databaseCode);
            }

            if (id is { } existingId)
            {
                writer.WriteNumber("id", existingId);
            }

            writer.WriteString("traceId", Activity.Current?.Id ?? context.TraceIdentifier);
            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
