namespace PushTokenService.Application.Users.Commands.RegisterUser;

public sealed class RegisterUserCommandValidator : CredentialsValidator<RegisterUserCommand>;
