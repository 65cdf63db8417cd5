namespace PushTokenService.Application.Users.Commands.Login;

public sealed class LoginCommandValidator : CredentialsValidator<LoginCommand>;
