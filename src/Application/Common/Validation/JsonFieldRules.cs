using FluentValidation;
using PushTokenService.Application.Common.Json;

namespace PushTokenService.Application.Common.Validation;

/// <summary>
/// The per-field check order of API.md section 1: missing/null, then JSON type, then length, then value.
/// Each rule stops at its first failure; validators stop at their first failing rule.
/// </summary>
public static class JsonFieldRules
{
    public static IRuleBuilderOptions<T, JsonField> RequiredString<T>(
        this IRuleBuilder<T, JsonField> rule, string name, int minLength, int maxLength, Func<string, bool> isValid) =>
        rule.Must(f => !f.IsAbsent).WithMessage(ErrorStrings.Undefined(name))
            .Must(f => f.IsString).WithMessage(ErrorStrings.Format(name))
            .Must(f => f.Text!.Length >= minLength && f.Text.Length <= maxLength).WithMessage(ErrorStrings.Length(name))
            .Must(f => isValid(f.Text!)).WithMessage(ErrorStrings.Invalid(name));

    /// <summary>An optional string: missing, null and "" all count as not sent.</summary>
    public static IRuleBuilderOptions<T, JsonField> OptionalString<T>(
        this IRuleBuilder<T, JsonField> rule, string name, int maxLength, Func<string, bool> isValid) =>
        rule.Must(f => f.IsAbsent || f.IsString).WithMessage(ErrorStrings.Format(name))
            .Must(f => f.IsAbsent || f.Text!.Length <= maxLength).WithMessage(ErrorStrings.Length(name))
            .Must(f => f.IsAbsentOrEmpty || isValid(f.Text!)).WithMessage(ErrorStrings.Invalid(name));

    /// <summary>An optional integer: missing and null count as not sent.</summary>
    public static IRuleBuilderOptions<T, JsonField> OptionalInteger<T>(
        this IRuleBuilder<T, JsonField> rule, string name, Func<long, bool> isValid) =>
        rule.Must(f => f.IsAbsent || f.IsInteger).WithMessage(ErrorStrings.Format(name))
            .Must(f => f.IsAbsent || isValid(f.Integer)).WithMessage(ErrorStrings.Invalid(name));

    /// <summary>A required array of integers: its length is the number of items, <paramref name="isValid"/> applies to each.</summary>
    public static IRuleBuilderOptions<T, JsonField> RequiredIntegers<T>(
        this IRuleBuilder<T, JsonField> rule, string name, int minCount, int maxCount, Func<long, bool> isValid) =>
        rule.Must(f => !f.IsAbsent).WithMessage(ErrorStrings.Undefined(name))
            .Must(f => f.IsIntegerArray).WithMessage(ErrorStrings.Format(name))
            .Must(f => f.Integers!.Count >= minCount && f.Integers.Count <= maxCount).WithMessage(ErrorStrings.Length(name))
            .Must(f => f.Integers!.All(isValid)).WithMessage(ErrorStrings.Invalid(name));
}
