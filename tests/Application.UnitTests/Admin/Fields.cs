using PushTokenService.Application.Common.Json;

namespace PushTokenService.Application.UnitTests.Admin;

/// <summary>Short names for the JsonField values a body can hold.</summary>
internal static class Fields
{
    public static JsonField Missing => JsonField.Missing;

    public static JsonField Null => JsonField.Null;

    public static JsonField Text(string value) => JsonField.FromString(value);

    public static JsonField Number(long value) => JsonField.FromInteger(value);

    public static JsonField Decimal => new(JsonFieldKind.OtherNumber);

    public static JsonField Boolean => new(JsonFieldKind.Boolean);

    public static JsonField Object => new(JsonFieldKind.Object);

    /// <summary>An array with an item that is not an integer.</summary>
    public static JsonField MixedArray => new(JsonFieldKind.Array);

    public static JsonField Numbers(params long[] values) => JsonField.FromIntegers(values);
}
