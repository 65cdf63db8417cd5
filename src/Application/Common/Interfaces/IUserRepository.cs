using PushTokenService.Domain.Users;

namespace PushTokenService.Application.Common.Interfaces;

public interface IUserRepository
{
    /// <summary>Adds a user; a taken name (compared case-insensitively) is a <c>username exist</c> conflict.</summary>
    Task<long> AddAsync(string username, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task<UserCredentials?> FindByUsernameAsync(string username, CancellationToken cancellationToken);

    Task UpdatePasswordHashAsync(long userId, string passwordHash, CancellationToken cancellationToken);
}
