using Dapper;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Users;
using PushTokenService.Infrastructure.Persistence.Errors;
using PushTokenService.Infrastructure.Persistence.Execution;

namespace PushTokenService.Infrastructure.Persistence.Repositories;

public sealed class UserRepository(DatabaseExecutor db, ISqlDialect dialect) : IUserRepository
{
    private const string SelectByUsername =
        "SELECT id AS Id, username AS Username, password_hash AS PasswordHash FROM users WHERE username = @Username";

    private const string UpdatePasswordHash = "UPDATE users SET password_hash = @PasswordHash WHERE id = @Id";

    public async Task<long> AddAsync(string username, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await db.WriteAsync((lease, ct) => lease.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                dialect.InsertUser,
                new { Username = username, PasswordHash = passwordHash, CreatedAt = now.ToUnixTimeMilliseconds() },
                lease.Transaction, cancellationToken: ct)), DatabaseErrorCodes.UniqueViolation, cancellationToken);
        }
        catch (DatabaseException exception) when (exception.Code == DatabaseErrorCodes.UniqueViolation)
        {
            // The unique index on the name (case-insensitive) decides, also between concurrent registrations.
            throw new ConflictException(ErrorStrings.Exists("username"));
        }
    }

    public Task<UserCredentials?> FindByUsernameAsync(string username, CancellationToken cancellationToken) =>
        db.ReadAsync((lease, ct) => lease.Connection.QuerySingleOrDefaultAsync<UserCredentials>(new CommandDefinition(
            SelectByUsername, new { Username = username }, cancellationToken: ct)), cancellationToken);

    public Task UpdatePasswordHashAsync(long userId, string passwordHash, CancellationToken cancellationToken) =>
        db.WriteAsync((lease, ct) => lease.Connection.ExecuteAsync(new CommandDefinition(
            UpdatePasswordHash, new { PasswordHash = passwordHash, Id = userId }, lease.Transaction, cancellationToken: ct)), cancellationToken);
}
