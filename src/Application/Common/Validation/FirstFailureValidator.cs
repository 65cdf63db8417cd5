using FluentValidation;

namespace PushTokenService.Application.Common.Validation;

/// <summary>A validator that reports only the first failing check, in declaration order.</summary>
public abstract class FirstFailureValidator<T> : AbstractValidator<T>
{
    protected FirstFailureValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleLevelCascadeMode = CascadeMode.Stop;
    }
}
