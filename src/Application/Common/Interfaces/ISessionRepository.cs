using PushTokenService.Domain.Users;

namespace PushTokenService.Application.Common.Interfaces;

public interface ISessionRepository
{
    Task<long> AddAsync(long userId, byte[] tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task<Session?> FindByTokenHashAsync(byte[] tokenHash, CancellationToken cancellationToken);

    /// <summary>Ends a session and deletes the push tokens (both kinds) last written through it, in one transaction.</summary>
    Task<int> RevokeAsync(long sessionId, CancellationToken cancellationToken);

    /// <summary>Ends every session of a user. Their push tokens stay: revocation is about logins, not devices.</summary>
    Task<int> RevokeAllAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="batchSize"/> sessions expired at <paramref name="now"/>, in one transaction.</summary>
    Task<int> DeleteExpiredBatchAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken);
}
