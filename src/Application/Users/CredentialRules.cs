using PushTokenService.Application.Common.Json;
using PushTokenService.Application.Common.Validation;
using PushTokenService.Domain.Users;

namespace PushTokenService.Application.Users;

/// <summary>A body with a user name and a password.</summary>
public interface IHasCredentials
{
    JsonField Username { get; }

    JsonField Password { get; }
}

/// <summary>The username and password rules of API.md section 2, shared by register and login.</summary>
public abstract class CredentialsValidator<T> : FirstFailureValidator<T>
    where T : IHasCredentials
{
    protected CredentialsValidator()
    {
        RuleFor(x => x.Username)
            .RequiredString("username", AccountRules.UsernameMinLength, AccountRules.UsernameMaxLength, AccountRules.IsValidUsername);
        RuleFor(x => x.Password)
            .RequiredString("password", AccountRules.PasswordMinLength, AccountRules.PasswordMaxLength, static _ => true);
    }
}
