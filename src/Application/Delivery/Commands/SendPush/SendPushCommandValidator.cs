using FluentValidation;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Admin.Common;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Options;
using PushTokenService.Application.Common.Validation;
using PushTokenService.Domain.Delivery;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.Delivery.Commands.SendPush;

/// <summary>
/// The fields of API.md section 10.2 in table order, first failure wins; then the whole payload (title, body and data
/// in UTF-8) against its limit, reported as <c>data length error</c>.
/// </summary>
public sealed class SendPushCommandValidator : FirstFailureValidator<SendPushCommand>
{
    public SendPushCommandValidator(IOptions<PushTokenOptions> options)
    {
        var allowed = options.Value.AllowedBundleIds.ToHashSet(StringComparer.Ordinal);

        RuleFor(x => x.Kind).RequiredKind();
        RuleFor(x => x.UserIds).RequiredIntegers("user_ids", 1, PushContentRules.MaxUserIds, id => id > 0);
        RuleFor(x => x.Title).OptionalString("title", PushContentRules.TitleMaxLength, _ => true);
        RuleFor(x => x.Body).OptionalString("body", PushContentRules.BodyMaxLength, _ => true);
        RuleFor(x => x.Data)
            .Must(f => f.IsAbsent || f.IsStringObject).WithMessage(ErrorStrings.Format("data"))
            .Must(f => f.IsAbsent || (f.Strings!.Count <= PushContentRules.MaxDataKeys && f.Strings.Keys.All(PushContentRules.IsValidDataKey)))
            .WithMessage(ErrorStrings.Length("data"))
            .Must(f => f.IsAbsent || !f.Strings!.Keys.Any(PushContentRules.IsReservedDataKey)).WithMessage(ErrorStrings.Invalid("data"));
        RuleFor(x => x.TtlSeconds).OptionalInteger("ttl_seconds", PushContentRules.IsValidTtl);
        RuleFor(x => x.CollapseId)
            .Must(f => f.IsAbsent || f.IsString).WithMessage(ErrorStrings.Format("collapse_id"))
            .Must(f => f.IsAbsent || f.Text!.Length is >= PushContentRules.CollapseIdMinLength and <= PushContentRules.CollapseIdMaxLength)
            .WithMessage(ErrorStrings.Length("collapse_id"));
        RuleFor(x => x.BundleId)
            .OptionalString("bundleid", PushTokenRules.BundleIdMaxLength, PushTokenRules.IsValidBundleId)
            .Must(f => f.IsAbsentOrEmpty || allowed.Count == 0 || allowed.Contains(f.Text!))
            .WithMessage(ErrorStrings.Invalid("bundleid"));
        RuleFor(x => x.DryRun).Must(f => f.IsAbsent || f.IsBoolean).WithMessage(ErrorStrings.Format("dry_run"));
        RuleFor(x => x)
            .Must(x => PushContentRules.PayloadBytes(x.Title.OptionalText, x.Body.OptionalText, x.DataEntries) <= PushContentRules.MaxPayloadBytes)
            .WithMessage(ErrorStrings.Length("data"));
    }
}
