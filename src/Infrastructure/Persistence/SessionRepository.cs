using Dapper;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Users;

namespace PushTokenService.Infrastructure.Persistence;

public sealed class SessionRepository(DatabaseExecutor db, ISqlDialect dialect) : ISessionRepository
{
    private const string SelectByTokenHash =
        "SELECT id AS Id, user_id AS UserId, expires_at AS ExpiresAt FROM sessions WHERE token_hash = @TokenHash";

    private const string DeletePushTokensOfSession = "DELETE FROM push_tokens WHERE session_id = @SessionId";

    private const string DeleteSession = "DELETE FROM sessions WHERE id = @SessionId";

    public Task<long> AddAsync(long userId, byte[] tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction, ct) => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            dialect.InsertSession,
            new
            {
                UserId = userId,
                TokenHash = tokenHash,
                CreatedAt = createdAt.ToUnixTimeMilliseconds(),
                ExpiresAt = expiresAt.ToUnixTimeMilliseconds(),
            },
            transaction, cancellationToken: ct)), cancellationToken);

    public Task<Session?> FindByTokenHashAsync(byte[] tokenHash, CancellationToken cancellationToken) =>
        db.ReadAsync(async (connection, ct) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(
                SelectByTokenHash, new { TokenHash = tokenHash }, cancellationToken: ct));
            return row is null ? null : new Session(row.Id, row.UserId, DateTimeOffset.FromUnixTimeMilliseconds(row.ExpiresAt));
        }, cancellationToken);

    public Task<int> RevokeAsync(long sessionId, CancellationToken cancellationToken) =>
        db.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                DeletePushTokensOfSession, new { SessionId = sessionId }, transaction, cancellationToken: ct));
            return await connection.ExecuteAsync(new CommandDefinition(
                DeleteSession, new { SessionId = sessionId }, transaction, cancellationToken: ct));
        }, cancellationToken);

    /// <summary>
    /// Here and in the purge, push tokens written through a deleted session keep its id in session_id: ids are never
    /// reused (AUTOINCREMENT, IDENTITY), so the stale reference can match no later logout.
    /// </summary>
    public Task<int> RevokeAllAsync(long userId, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction, ct) => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sessions WHERE user_id = @UserId", new { UserId = userId }, transaction, cancellationToken: ct)), cancellationToken);

    public Task<int> DeleteExpiredBatchAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction, ct) => connection.ExecuteAsync(new CommandDefinition(
            dialect.DeleteExpiredSessionsBatch,
            new { Now = now.ToUnixTimeMilliseconds(), BatchSize = batchSize },
            transaction, cancellationToken: ct)), cancellationToken);

    private sealed record SessionRow(long Id, long UserId, long ExpiresAt);
}
