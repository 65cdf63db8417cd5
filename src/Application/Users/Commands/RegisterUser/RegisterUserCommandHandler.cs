using Mediator;
using PushTokenService.Application.Common.Interfaces;

namespace PushTokenService.Application.Users.Commands.RegisterUser;

public sealed class RegisterUserCommandHandler(IUserRepository users, IPasswordHasher hasher, TimeProvider clock)
    : ICommandHandler<RegisterUserCommand, RegisteredUserResponse>
{
    public async ValueTask<RegisteredUserResponse> Handle(RegisterUserCommand command, CancellationToken cancellationToken)
    {
        var username = command.Username.Text!;
        var hash = hasher.Hash(command.Password.Text!);
        var id = await users.AddAsync(username, hash, clock.GetUtcNow(), cancellationToken);
        return new RegisteredUserResponse(id, username);
    }
}
