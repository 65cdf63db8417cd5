namespace PushTokenService.Application.Common.Json;

/// <summary>What a JSON body held under one field name, before any typed binding.</summary>
public enum JsonFieldKind
{
    Missing = 0,
    Null,
    String,
    Integer,
    OtherNumber,
    Boolean,
    Array,
    Object,
}

/// <summary>
/// A neutral view of one field of a request body, so that validation can tell
/// "undefined X" (missing), "X format error" (wrong JSON type) and the rest apart.
/// An array whose items are all integers also carries them in <see cref="Integers"/>, an object whose values are all
/// strings carries them in <see cref="Strings"/>, and a boolean carries its value in <see cref="Integer"/> (1 for true).
/// </summary>
public readonly record struct JsonField(
    JsonFieldKind Kind,
    string? Text = null,
    long Integer = 0,
    IReadOnlyList<long>? Integers = null,
    IReadOnlyDictionary<string, string>? Strings = null)
{
    public static JsonField Missing => default;

    public static JsonField Null => new(JsonFieldKind.Null);

    public static JsonField FromString(string value) => new(JsonFieldKind.String, value);

    public static JsonField FromInteger(long value) => new(JsonFieldKind.Integer, Integer: value);

    public static JsonField FromIntegers(IReadOnlyList<long> values) => new(JsonFieldKind.Array, Integers: values);

    public static JsonField FromBoolean(bool value) => new(JsonFieldKind.Boolean, Integer: value ? 1 : 0);

    public static JsonField FromStrings(IReadOnlyDictionary<string, string> values) => new(JsonFieldKind.Object, Strings: values);

    /// <summary>Missing or JSON null.</summary>
    public bool IsAbsent => Kind is JsonFieldKind.Missing or JsonFieldKind.Null;

    /// <summary>Missing, null or the empty string: how an optional string field counts as not sent.</summary>
    public bool IsAbsentOrEmpty => IsAbsent || (Kind == JsonFieldKind.String && Text!.Length == 0);

    public bool IsString => Kind == JsonFieldKind.String;

    public bool IsInteger => Kind == JsonFieldKind.Integer;

    /// <summary>An array whose items are all integers (the empty array included).</summary>
    public bool IsIntegerArray => Kind == JsonFieldKind.Array && Integers is not null;

    public bool IsBoolean => Kind == JsonFieldKind.Boolean;

    /// <summary>A boolean field holding true.</summary>
    public bool IsTrue => Kind == JsonFieldKind.Boolean && Integer != 0;

    /// <summary>An object whose values are all strings (the empty object included).</summary>
    public bool IsStringObject => Kind == JsonFieldKind.Object && Strings is not null;

    /// <summary>The text of a string field, or null when the field is not a non-empty string.</summary>
    public string? OptionalText => Kind == JsonFieldKind.String && Text!.Length > 0 ? Text : null;

    public override string ToString() => Kind.ToString();
}
