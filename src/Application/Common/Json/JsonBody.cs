namespace PushTokenService.Application.Common.Json;

/// <summary>The top-level fields of a JSON object body, by exact (case-sensitive) name.</summary>
public sealed class JsonBody
{
    private readonly IReadOnlyDictionary<string, JsonField> _fields;

    public JsonBody(IReadOnlyDictionary<string, JsonField> fields) => _fields = fields;

    public static JsonBody Empty { get; } = new(new Dictionary<string, JsonField>());

    public JsonField this[string name] => _fields.TryGetValue(name, out var field) ? field : JsonField.Missing;
}
