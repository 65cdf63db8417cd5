using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Json;

namespace PushTokenService.Api.Http;

/// <summary>
/// Reads a request body as a flat view of its top-level JSON fields, checking the body as a whole first:
/// content type (415), size (413), then a well-formed JSON object (400 <c>paramer error</c>).
/// </summary>
public sealed class JsonBodyReader(IOptions<LimitsOptions> limits)
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public async Task<JsonBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJsonContentType(request.ContentType))
        {
            throw new RequestBodyException(StatusCodes.Status415UnsupportedMediaType, ErrorStrings.ContentType);
        }

        var maxBytes = limits.Value.MaxBodyBytes;
        if (request.ContentLength > maxBytes)
        {
            throw new RequestBodyException(StatusCodes.Status413PayloadTooLarge, ErrorStrings.BodyLength);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = await ReadUpToAsync(request.Body, buffer, maxBytes + 1, cancellationToken);
            if (length > maxBytes)
            {
                throw new RequestBodyException(StatusCodes.Status413PayloadTooLarge, ErrorStrings.BodyLength);
            }

            return Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The top-level fields of a JSON object; anything else, or a field named twice, is <c>paramer error</c>.</summary>
    public static JsonBody Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            // A UTF-8 byte order mark is legal before JSON text (RFC 8259 lets parsers ignore it).
            var reader = new Utf8JsonReader(json.StartsWith(Utf8Bom) ? json[Utf8Bom.Length..] : json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw BadBody();
            }

            var fields = new Dictionary<string, JsonField>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (!fields.TryAdd(name, ReadValue(ref reader)))
                {
                    throw BadBody();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw BadBody();
            }

            return new JsonBody(fields);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            throw BadBody();
        }
    }

    private static JsonField ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return JsonField.FromString(reader.GetString()!);
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var integer) ? JsonField.FromInteger(integer) : new JsonField(JsonFieldKind.OtherNumber);
            case JsonTokenType.True:
                return JsonField.FromBoolean(true);
            case JsonTokenType.False:
                return JsonField.FromBoolean(false);
            case JsonTokenType.Null:
                return JsonField.Null;
            case JsonTokenType.StartArray:
                return ReadArray(ref reader);
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            default:
                throw BadBody();
        }
    }

    /// <summary>An array: with its items when they are all integers, as a bare <see cref="JsonFieldKind.Array"/> otherwise.</summary>
    private static JsonField ReadArray(ref Utf8JsonReader reader)
    {
        List<long>? integers = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (integers is not null && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var integer))
            {
                integers.Add(integer);
            }
            else
            {
                integers = null;
                reader.Skip();
            }
        }

        return integers is null ? new JsonField(JsonFieldKind.Array) : JsonField.FromIntegers(integers);
    }

    /// <summary>
    /// An object: with its entries when every value is a string and no name repeats, as a bare
    /// <see cref="JsonFieldKind.Object"/> otherwise.
    /// </summary>
    private static JsonField ReadObject(ref Utf8JsonReader reader)
    {
        Dictionary<string, string>? strings = new(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = strings is null ? null : reader.GetString()!;
            reader.Read();
            if (strings is not null && reader.TokenType == JsonTokenType.String && strings.TryAdd(name!, reader.GetString()!))
            {
                continue;
            }

            strings = null;
            reader.Skip();
        }

        return strings is null ? new JsonField(JsonFieldKind.Object) : JsonField.FromStrings(strings);
    }

    private static bool IsJsonContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // RFC 9110: a parameter value may be a quoted string, charset="utf-8" is charset=utf-8.
        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        return !charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<int> ReadUpToAsync(Stream body, byte[] buffer, int limit, CancellationToken cancellationToken)
    {
        var total = 0;
        try
        {
            int read;
            while (total < limit && (read = await body.ReadAsync(buffer.AsMemory(total, limit - total), cancellationToken)) > 0)
            {
                total += read;
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new RequestBodyException(StatusCodes.Status413PayloadTooLarge, ErrorStrings.BodyLength);
        }

        return total;
    }

    private static RequestBodyException BadBody() => new(StatusCodes.Status400BadRequest, ErrorStrings.BadBody);
}
