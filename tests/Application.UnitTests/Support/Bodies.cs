using System.Text.Json;
using PushTokenService.Application.Common.Json;
using PushTokenService.Application.PushTokens.Common;

namespace PushTokenService.Application.UnitTests.Support;

/// <summary>Request bodies written as JSON text, seen the way the Api layer hands them over.</summary>
public static class Bodies
{
    public static JsonBody Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new JsonBody(document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => ToField(p.Value)));
    }

    public static PushTokenFields Fields(string json) => PushTokenFields.FromBody(Parse(json));

    private static JsonField ToField(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonField.FromString(value.GetString()!),
        JsonValueKind.Number => value.TryGetInt64(out var integer) ? JsonField.FromInteger(integer) : new JsonField(JsonFieldKind.OtherNumber),
        JsonValueKind.True => JsonField.FromBoolean(true),
        JsonValueKind.False => JsonField.FromBoolean(false),
        JsonValueKind.Null => JsonField.Null,
        JsonValueKind.Array when value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out _)) =>
            JsonField.FromIntegers(value.EnumerateArray().Select(item => item.GetInt64()).ToList()),
        JsonValueKind.Array => new JsonField(JsonFieldKind.Array),
        JsonValueKind.Object when value.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String) =>
            JsonField.FromStrings(value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)),
        JsonValueKind.Object => new JsonField(JsonFieldKind.Object),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.ValueKind, "not a JSON value"),
    };
}
