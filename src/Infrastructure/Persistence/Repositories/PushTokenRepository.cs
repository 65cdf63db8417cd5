using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Infrastructure.Persistence.Execution;

namespace PushTokenService.Infrastructure.Persistence.Repositories;

/// <summary>
/// Push-token records on either provider, each write one transaction that enforces the domain's rules atomically
/// (<see cref="TokenOwnership"/>, <see cref="RecordCap"/>). Shared SQL here, the differing statements in
/// <see cref="ISqlDialect"/>. These are the hot statements, so they run as commands the lease keeps compiled
/// (<see cref="DbLease.Command"/>), not through Dapper.
/// </summary>
public sealed class PushTokenRepository(DatabaseExecutor db, ISqlDialect dialect) : IPushTokenRepository
{
    private const string SelectOwnedOfKind =
        $"SELECT {PushTokenRow.Columns} FROM push_tokens WHERE user_id = @UserId AND kind = @Kind ORDER BY id";

    private const string RefreshHeld = "UPDATE push_tokens SET updated_at = @Now, session_id = @SessionId WHERE id = @Id";

    private const string UpdateById = """
        UPDATE push_tokens SET push_token = @PushToken, language = @Language, dev = @Dev, bundleid = @BundleId, os = @Os,
            os_token = @OsToken, push_platform = @PushPlatform, session_id = @SessionId, updated_at = @Now
        WHERE id = @Id
        """;

    private const string DeleteOwned = "DELETE FROM push_tokens WHERE id = @Id AND user_id = @UserId AND kind = @Kind";

    private const string DeleteById = "DELETE FROM push_tokens WHERE id = @Id";

    public Task<IReadOnlyList<PushTokenRecord>> ListAsync(long userId, TokenKind kind, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<PushTokenRecord>>(async (lease, ct) =>
        {
            var records = new List<PushTokenRecord>();
            var command = lease.Command(SelectOwnedOfKind, ("@UserId", userId), ("@Kind", (int)kind));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                records.Add(PushTokenRow.Read(reader).ToRecord());
            }

            return records;
        }, cancellationToken);

    public Task<AddPushTokenOutcome> AddAsync(
        long userId, long sessionId, TokenKind kind, PushTokenValues values, int maxPerKind, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.WriteAsync<AddPushTokenOutcome>(async (lease, ct) =>
        {
            var nowMs = now.ToUnixTimeMilliseconds();
            long? movedFrom = null;
            var (id, held) = await InsertIfAbsentAsync(lease, kind, userId, sessionId, values, nowMs, ct);
            if (id is null)
            {
                var holder = await FindHolderAsync(lease, kind, values.BundleId, values.PushToken, excludingId: 0, ct);
                if (TokenOwnership.OnPost(userId, holder.UserId) == HeldToken.RefreshCallersRecord)
                {
                    // An app that registers at every start keeps its record alive.
                    await lease.Command(RefreshHeld, ("@Now", nowMs), ("@SessionId", sessionId), ("@Id", holder.Id)).ExecuteNonQueryAsync(ct);
                    return new AddPushTokenOutcome.AlreadyHeld(holder.Id);
                }

                await DeleteByIdAsync(lease, holder.Id, ct);
                movedFrom = holder.UserId;
                (id, held) = await InsertIfAbsentAsync(lease, kind, userId, sessionId, values, nowMs, ct);
                if (id is null)
                {
                    throw new InvalidOperationException("A push token removed in this transaction is taken again.");
                }
            }

            // Held is null where the insert cannot count (SQL Server): evict then, as it finds nothing to evict under the cap.
            if (held is not { } count || RecordCap.IsExceeded(count, maxPerKind))
            {
                await lease.Command(dialect.EvictBeyondCap, ("@UserId", userId), ("@Kind", (int)kind), ("@Max", maxPerKind)).ExecuteNonQueryAsync(ct);
            }

            return new AddPushTokenOutcome.Created(new PushTokenRecord(
                id.Value, userId, kind, values.PushToken, values.Language, values.Dev, values.BundleId, values.Os,
                values.OsToken, values.PushPlatform, FromMs(nowMs), FromMs(nowMs)))
            {
                MovedFromUserId = movedFrom,
            };
        }, cancellationToken);

    public Task<UpdatePushTokenOutcome> UpdateAsync(
        long userId, long sessionId, TokenKind kind, long id, Func<PushTokenRecord, PushTokenValues> change, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.WriteAsync<UpdatePushTokenOutcome>(async (lease, ct) =>
        {
            var existing = await FindOwnedForUpdateAsync(lease, userId, kind, id, ct);
            if (existing is null)
            {
                return new UpdatePushTokenOutcome.NotFound();
            }

            var values = change(existing);
            long? movedFrom = null;
            if (values.BundleId != existing.BundleId || values.PushToken != existing.PushToken)
            {
                var holder = await FindHolderAsync(lease, kind, values.BundleId, values.PushToken, excludingId: id, ct);
                if (holder.Id != 0)
                {
                    if (TokenOwnership.OnPut(userId, holder.UserId) == HeldToken.Conflict)
                    {
                        return new UpdatePushTokenOutcome.HeldByOtherRecord(holder.Id);
                    }

                    await DeleteByIdAsync(lease, holder.Id, ct);
                    movedFrom = holder.UserId;
                }
            }

            var nowMs = now.ToUnixTimeMilliseconds();
            await lease.Command(
                UpdateById,
                ("@PushToken", values.PushToken), ("@Language", values.Language), ("@Dev", values.Dev), ("@BundleId", values.BundleId),
                ("@Os", values.Os), ("@OsToken", values.OsToken), ("@PushPlatform", values.PushPlatform), ("@SessionId", sessionId),
                ("@Now", nowMs), ("@Id", id)).ExecuteNonQueryAsync(ct);
            return new UpdatePushTokenOutcome.Updated(existing with
            {
                PushToken = values.PushToken,
                Language = values.Language,
                Dev = values.Dev,
                BundleId = values.BundleId,
                Os = values.Os,
                OsToken = values.OsToken,
                PushPlatform = values.PushPlatform,
                UpdatedAt = FromMs(nowMs),
            })
            {
                MovedFromUserId = movedFrom,
            };
        }, cancellationToken);

    public Task<bool> DeleteAsync(long userId, TokenKind kind, long id, CancellationToken cancellationToken) =>
        db.WriteAsync(async (lease, ct) =>
        {
            var deleted = await lease.Command(DeleteOwned, ("@Id", id), ("@UserId", userId), ("@Kind", (int)kind)).ExecuteNonQueryAsync(ct);
            return deleted > 0;
        }, cancellationToken);

    private static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    /// <summary>The new record's id and how many records of the kind its user now holds (null: not counted); no id when the token is taken.</summary>
    private async Task<(long? Id, long? Held)> InsertIfAbsentAsync(
        DbLease lease, TokenKind kind, long userId, long sessionId, PushTokenValues values, long nowMs, CancellationToken ct)
    {
        var command = lease.Command(
            dialect.InsertPushTokenIfAbsent,
            ("@Kind", (int)kind), ("@UserId", userId), ("@SessionId", sessionId), ("@PushToken", values.PushToken),
            ("@Language", values.Language), ("@Dev", values.Dev), ("@BundleId", values.BundleId), ("@Os", values.Os),
            ("@OsToken", values.OsToken), ("@PushPlatform", values.PushPlatform), ("@Now", nowMs));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return (null, null);
        }

        return (reader.GetInt64(0), await reader.IsDBNullAsync(1, ct) ? null : reader.GetInt64(1));
    }

    private async Task<PushTokenRecord?> FindOwnedForUpdateAsync(DbLease lease, long userId, TokenKind kind, long id, CancellationToken ct)
    {
        var command = lease.Command(dialect.SelectOwnedPushTokenForUpdate, ("@Id", id), ("@UserId", userId), ("@Kind", (int)kind));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? PushTokenRow.Read(reader).ToRecord() : null;
    }

    /// <summary>Who holds (kind, bundleid, push_token), other than record <paramref name="excludingId"/>; Id 0 when nobody.</summary>
    private async Task<(long Id, long UserId)> FindHolderAsync(
        DbLease lease, TokenKind kind, string bundleId, string pushToken, long excludingId, CancellationToken ct)
    {
        var command = lease.Command(
            dialect.FindPushTokenHolder, ("@Kind", (int)kind), ("@BundleId", bundleId), ("@PushToken", pushToken), ("@ExcludingId", excludingId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }

    private static Task<int> DeleteByIdAsync(DbLease lease, long id, CancellationToken ct) =>
        lease.Command(DeleteById, ("@Id", id)).ExecuteNonQueryAsync(ct);
}
