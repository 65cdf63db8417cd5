using FluentValidation;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Options;
using PushTokenService.Application.Common.Validation;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.PushTokens.Common;

/// <summary>The field rules of API.md section 3, in table order, first failure wins. POST and PUT share them.</summary>
public abstract class PushTokenFieldsValidator<T> : FirstFailureValidator<T>
    where T : IHasPushTokenFields
{
    protected PushTokenFieldsValidator(IOptions<PushTokenOptions> options)
    {
        var allowed = options.Value.AllowedBundleIds.ToHashSet(StringComparer.Ordinal);

        RuleFor(x => x.Fields.PushToken)
            .RequiredString("push_token", 1, PushTokenRules.PushTokenMaxLength, PushTokenRules.IsPrintableAsciiWithoutSpaces);
        RuleFor(x => x.Fields.Language)
            .RequiredString("language", PushTokenRules.LanguageMinLength, PushTokenRules.LanguageMaxLength, PushTokenRules.IsValidLanguage);
        RuleFor(x => x.Fields.Dev)
            .OptionalInteger("dev", PushTokenRules.IsValidDev);
        RuleFor(x => x.Fields.BundleId)
            .OptionalString("bundleid", PushTokenRules.BundleIdMaxLength, PushTokenRules.IsValidBundleId)
            .Must(f => f.IsAbsentOrEmpty || allowed.Count == 0 || allowed.Contains(f.Text!))
            .WithMessage(ErrorStrings.Invalid("bundleid"));
        RuleFor(x => x.Fields.Os)
            .OptionalString("os", PushTokenRules.OsMaxLength, PushTokenRules.IsValidOs);

        // os_token and push_platform go together: one without the other names the missing one.
        RuleFor(x => x.Fields)
            .Must(f => !(f.OsToken.IsAbsentOrEmpty && !f.PushPlatform.IsAbsentOrEmpty))
            .WithMessage(ErrorStrings.Undefined("os_token"));
        RuleFor(x => x.Fields.OsToken)
            .OptionalString("os_token", PushTokenRules.OsTokenMaxLength, PushTokenRules.IsPrintableAsciiWithoutSpaces);
        RuleFor(x => x.Fields.PushPlatform)
            .Must((x, f) => !(f.IsAbsentOrEmpty && !x.Fields.OsToken.IsAbsentOrEmpty))
            .WithMessage(ErrorStrings.Undefined("push_platform"))
            .Must(f => f.IsAbsent || f.IsString).WithMessage(ErrorStrings.Format("push_platform"))
            .Must(f => f.IsAbsentOrEmpty || PushTokenRules.IsKnownPushPlatform(f.Text!))
            .WithMessage(ErrorStrings.Invalid("push_platform"));
    }
}
