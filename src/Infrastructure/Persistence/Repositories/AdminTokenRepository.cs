using Dapper;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Infrastructure.Persistence.Execution;

namespace PushTokenService.Infrastructure.Persistence.Repositories;

/// <summary>Records across all users on either provider: shared SQL here, the differing statements in <see cref="ISqlDialect"/>.</summary>
public sealed class AdminTokenRepository(DatabaseExecutor db, ISqlDialect dialect) : IAdminTokenRepository
{
    private const string SelectOfUser = $"SELECT {PushTokenRow.Columns} FROM push_tokens WHERE user_id = @UserId ORDER BY id";

    // Dapper expands IN @UserIds to one parameter per id: one round trip on the (user_id, kind, id) index.
    private const string SelectOfUsers =
        $"SELECT {PushTokenRow.Columns} FROM push_tokens WHERE kind = @Kind AND user_id IN @UserIds ORDER BY user_id, id";

    private const string SelectCounts = """
        SELECT COUNT(*) FROM users;
        SELECT COUNT(*) FROM sessions WHERE expires_at > @Now;
        SELECT kind, push_platform, bundleid, dev, COUNT(*) AS record_count
        FROM push_tokens GROUP BY kind, push_platform, bundleid, dev;
        """;

    public Task<IReadOnlyList<PushTokenRecord>> ListByUserAsync(long userId, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<PushTokenRecord>>(async (lease, ct) =>
        {
            var rows = await lease.Connection.QueryAsync<PushTokenRow>(new CommandDefinition(
                SelectOfUser,
                new { UserId = userId }, cancellationToken: ct));
            return rows.Select(row => row.ToRecord()).ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<PushTokenRecord>> ListByUsersAsync(
        TokenKind kind, IReadOnlyCollection<long> userIds, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<PushTokenRecord>>(async (lease, ct) =>
        {
            var rows = await lease.Connection.QueryAsync<PushTokenRow>(new CommandDefinition(
                SelectOfUsers,
                new { Kind = (int)kind, UserIds = userIds }, cancellationToken: ct));
            return rows.Select(row => row.ToRecord()).ToList();
        }, cancellationToken);

    public Task<int> InvalidateAsync(PushTokenInvalidation invalidation, CancellationToken cancellationToken) =>
        db.WriteAsync((lease, ct) => lease.Connection.ExecuteAsync(new CommandDefinition(
            InvalidationStatement(invalidation),
            new
            {
                Kind = (int)invalidation.Kind,
                invalidation.PushToken,
                invalidation.OsToken,
                invalidation.BundleId,
                invalidation.Dev,
                InvalidSince = invalidation.InvalidSince?.ToUnixTimeMilliseconds(),
            },
            lease.Transaction, cancellationToken: ct)), cancellationToken);

    public Task<RegistryCounts> CountAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ReadAsync(async (lease, ct) =>
        {
            await using var results = await lease.Connection.QueryMultipleAsync(new CommandDefinition(
                SelectCounts,
                new { Now = now.ToUnixTimeMilliseconds() }, cancellationToken: ct));
            var users = await results.ReadSingleAsync<long>();
            var liveSessions = await results.ReadSingleAsync<long>();
            var groups = await results.ReadAsync<PushTokenGroupRow>();
            return new RegistryCounts(users, liveSessions, groups
                .Select(g => new PushTokenGroupCount((TokenKind)g.Kind, g.PushPlatform, g.Bundleid, g.Dev, g.RecordCount))
                .ToList());
        }, cancellationToken);

    public Task<int> DeleteStaleBatchAsync(DateTimeOffset updatedBefore, int batchSize, CancellationToken cancellationToken) =>
        db.WriteAsync((lease, ct) => lease.Connection.ExecuteAsync(new CommandDefinition(
            dialect.DeleteStalePushTokensBatch,
            new { UpdatedBefore = updatedBefore.ToUnixTimeMilliseconds(), BatchSize = batchSize },
            lease.Transaction, cancellationToken: ct)), cancellationToken);

    /// <summary>The DELETE of an invalidation, from fixed fragments: only the filters that were sent, so indexes apply.</summary>
    public static string InvalidationStatement(PushTokenInvalidation invalidation)
    {
        var conditions = new List<string> { "kind = @Kind" };
        if (invalidation.PushToken is not null)
        {
            conditions.Add("push_token = @PushToken");
        }

        if (invalidation.OsToken is not null)
        {
            // The os_token index is partial (WHERE os_token <> ''): the planner uses it only when the query says so too.
            conditions.Add("os_token = @OsToken AND os_token <> ''");
        }

        if (invalidation.BundleId is not null)
        {
            conditions.Add("bundleid = @BundleId");
        }

        if (invalidation.Dev is not null)
        {
            conditions.Add("dev = @Dev");
        }

        if (invalidation.InvalidSince is not null)
        {
            // A record registered or refreshed after the token was reported dead belongs to a phone that registered it again.
            conditions.Add("updated_at <= @InvalidSince");
        }

        return "DELETE FROM push_tokens WHERE " + string.Join(" AND ", conditions);
    }

    private sealed class PushTokenGroupRow
    {
        public int Kind { get; init; }

        public string PushPlatform { get; init; } = "";

        public string Bundleid { get; init; } = "";

        public int Dev { get; init; }

        public long RecordCount { get; init; }
    }
}
