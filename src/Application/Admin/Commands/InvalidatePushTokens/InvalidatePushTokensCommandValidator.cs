using FluentValidation;
using PushTokenService.Application.Admin.Common;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Validation;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.Admin.Commands.InvalidatePushTokens;

/// <summary>
/// <c>kind</c>; <c>push_token</c> or <c>os_token</c> (at least one, each with its section 3 rules); then the optional
/// <c>bundleid</c> and <c>dev</c> (section 3 rules, any well-formed bundle id: old apps may be cleaned up) and <c>invalid_since</c>.
/// </summary>
public sealed class InvalidatePushTokensCommandValidator : FirstFailureValidator<InvalidatePushTokensCommand>
{
    public InvalidatePushTokensCommandValidator()
    {
        RuleFor(x => x.Kind).RequiredKind();
        RuleFor(x => x)
            .Must(x => !(x.PushToken.IsAbsentOrEmpty && x.OsToken.IsAbsentOrEmpty))
            .WithMessage(ErrorStrings.Undefined("push_token"));
        RuleFor(x => x.PushToken)
            .OptionalString("push_token", PushTokenRules.PushTokenMaxLength, PushTokenRules.IsPrintableAsciiWithoutSpaces);
        RuleFor(x => x.OsToken)
            .OptionalString("os_token", PushTokenRules.OsTokenMaxLength, PushTokenRules.IsPrintableAsciiWithoutSpaces);
        RuleFor(x => x.BundleId)
            .OptionalString("bundleid", PushTokenRules.BundleIdMaxLength, PushTokenRules.IsValidBundleId);
        RuleFor(x => x.Dev)
            .OptionalInteger("dev", PushTokenRules.IsValidDev);
        RuleFor(x => x.InvalidSince)
            .Must(f => f.IsAbsent || f.IsString).WithMessage(ErrorStrings.Format("invalid_since"))
            .Must(f => f.IsAbsentOrEmpty || IsoTimestamp.IsValid(f.Text!)).WithMessage(ErrorStrings.Invalid("invalid_since"));
    }
}
