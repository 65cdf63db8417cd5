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
        JsonValueKind.True or JsonValueKind.False => new JsonField(JsonFieldKind.Boolean),
        JsonValueKind.Null => JsonField.Null,
        JsonValueKind.Array => new JsonField(JsonFieldKind.Array),
        JsonValueKind.Object => new JsonField(JsonFieldKind.Object),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.ValueKind, "not a JSON value"),
    };
}
