using Mediator;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.Common.Options;

namespace PushTokenService.Application.Users.Commands.Login;

public sealed class LoginCommandHandler(
    IUserRepository users,
    ISessionRepository sessions,
    IPasswordHasher hasher,
    ISessionTokens tokens,
    IOptions<SessionTokenOptions> options,
    TimeProvider clock)
    : ICommandHandler<LoginCommand, LoginResponse>
{
    public async ValueTask<LoginResponse> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var password = command.Password.Text!;
        var user = await users.FindByUsernameAsync(command.Username.Text!, cancellationToken);
        if (user is null)
        {
            // Same answer, same cost: an unknown name must not be told apart from a wrong password.
            hasher.VerifyAgainstDummy(password);
            throw new UnauthenticatedException(ErrorStrings.LoginFailed);
        }

        var check = hasher.Verify(user.PasswordHash, password);
        if (check == PasswordCheck.Failed)
        {
            throw new UnauthenticatedException(ErrorStrings.LoginFailed);
        }

        if (check == PasswordCheck.SuccessRehashNeeded)
        {
            await users.UpdatePasswordHashAsync(user.Id, hasher.Hash(password), cancellationToken);
        }

        var token = tokens.NewToken();
        // Times are stored to the millisecond: the expiry told to the phone is the one stored.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        var expiresAt = now.AddDays(options.Value.LifetimeDays);
        await sessions.AddAsync(user.Id, tokens.Hash(token), now, expiresAt, cancellationToken);
        return new LoginResponse(user.Id, token, expiresAt.UtcDateTime);
    }
}
