using FluentValidation;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Json;

namespace PushTokenService.Application.Admin.Common;

public static class AdminFieldRules
{
    /// <summary>The required <c>kind</c>: <c>undefined kind</c>, <c>kind format error</c> (not a string), <c>kind error</c> (not ring or message).</summary>
    public static IRuleBuilderOptions<T, JsonField> RequiredKind<T>(this IRuleBuilder<T, JsonField> rule) =>
        rule.Must(f => !f.IsAbsent).WithMessage(ErrorStrings.Undefined("kind"))
            .Must(f => f.IsString).WithMessage(ErrorStrings.Format("kind"))
            .Must(f => TokenKindNames.IsKnown(f.Text!)).WithMessage(ErrorStrings.Invalid("kind"));
}
