using Dapper;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Users;
using PushTokenService.Infrastructure.Persistence.Execution;

namespace PushTokenService.Infrastructure.Persistence.Repositories;

public sealed class SessionRepository(DatabaseExecutor db, ISqlDialect dialect) : ISessionRepository
{
    private const string SelectByTokenHash =
        "SELECT id, user_id, expires_at FROM sessions WHERE token_hash = @TokenHash";

    // Among the session's user's records (ix_push_tokens_user): session_id has no index of its own, which every write would pay for.
    private const string DeletePushTokensOfSession = """
        DELETE FROM push_tokens
        WHERE user_id = (SELECT user_id FROM sessions WHERE id = @SessionId) AND session_id = @SessionId
        """;

    private const string SelectUserOfSession = "SELECT user_id FROM sessions WHERE id = @SessionId";

    private const string DeleteSession = "DELETE FROM sessions WHERE id = @SessionId";

    public Task<long> AddAsync(long userId, byte[] tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        db.WriteAsync((lease, ct) => lease.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            dialect.InsertSession,
            new
            {
                UserId = userId,
                TokenHash = tokenHash,
                CreatedAt = createdAt.ToUnixTimeMilliseconds(),
                ExpiresAt = expiresAt.ToUnixTimeMilliseconds(),
            },
            lease.Transaction, cancellationToken: ct)), cancellationToken);

    public Task<Session?> FindByTokenHashAsync(byte[] tokenHash, CancellationToken cancellationToken) =>
        db.ReadAsync(async (lease, ct) =>
        {
            await using var reader = await lease.Command(SelectByTokenHash, ("@TokenHash", tokenHash)).ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? new Session(reader.GetInt64(0), reader.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)))
                : null;
        }, cancellationToken);

    public Task<int> RevokeAsync(long sessionId, CancellationToken cancellationToken) =>
        db.WriteAsync(async (lease, ct) =>
        {
            await lease.Connection.ExecuteAsync(new CommandDefinition(
                DeletePushTokensOfSession, new { SessionId = sessionId }, lease.Transaction, cancellationToken: ct));
            return await lease.Connection.ExecuteAsync(new CommandDefinition(
                DeleteSession, new { SessionId = sessionId }, lease.Transaction, cancellationToken: ct));
        }, cancellationToken);

    /// <summary>The user of session <paramref name="sessionId"/>, which never changes; null when there is no such session.</summary>
    public Task<long?> FindUserOfSessionAsync(long sessionId, CancellationToken cancellationToken) =>
        db.ReadAsync((lease, ct) => lease.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            SelectUserOfSession, new { SessionId = sessionId }, cancellationToken: ct)), cancellationToken);

    /// <summary>
    /// Here and in the purge, push tokens written through a deleted session keep its id in session_id: ids are never
    /// reused (AUTOINCREMENT, IDENTITY), so the stale reference can match no later logout.
    /// </summary>
    public Task<int> RevokeAllAsync(long userId, CancellationToken cancellationToken) =>
        db.WriteAsync((lease, ct) => lease.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sessions WHERE user_id = @UserId", new { UserId = userId }, lease.Transaction, cancellationToken: ct)), cancellationToken);

    public Task<int> DeleteExpiredBatchAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        db.WriteAsync((lease, ct) => lease.Connection.ExecuteAsync(new CommandDefinition(
            dialect.DeleteExpiredSessionsBatch,
            new { Now = now.ToUnixTimeMilliseconds(), BatchSize = batchSize },
            lease.Transaction, cancellationToken: ct)), cancellationToken);
}
