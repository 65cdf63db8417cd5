using System.Text;
using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;
using PushTokenService.Api.Json;

namespace PushTokenService.Api.FunctionalTests.Hardening;

// FsCheck supplies the arguments of its properties; the NUnit analyzer does not know that attribute.
#pragma warning disable NUnit1027

/// <summary>The hand-written body reader, property by property: any bytes are a body or 400 <c>paramer error</c>, nothing else.</summary>
public sealed class JsonBodyReaderPropertyTests
{
    [FsCheckProperty(MaxTest = 3_000)]
    public bool Any_bytes_parse_to_a_body_or_paramer_error(byte[] bytes) => ParsesOrRejects(bytes);

    [FsCheckProperty(MaxTest = 3_000)]
    public bool Any_text_parses_to_a_body_or_paramer_error(string text) => ParsesOrRejects(Encoding.UTF8.GetBytes(text ?? ""));

    [FsCheckProperty(MaxTest = 1_000)]
    public bool Any_object_of_string_fields_parses_with_every_field(Dictionary<string, string> fields)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(fields);
        var body = JsonBodyReader.Parse(Encoding.UTF8.GetBytes(json));
        return fields.All(field => body[field.Key].Text == field.Value);
    }

    private static bool ParsesOrRejects(byte[] bytes)
    {
        try
        {
            JsonBodyReader.Parse(bytes);
            return true;
        }
        catch (RequestBodyException exception)
        {
            return exception is { StatusCode: 400, Error: "paramer error" };
        }
    }
}
