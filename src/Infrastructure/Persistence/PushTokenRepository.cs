using System.Data.Common;
using Dapper;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Infrastructure.Persistence;

/// <summary>Push-token records on either provider: shared SQL here, the differing statements in <see cref="ISqlDialect"/>.</summary>
public sealed class PushTokenRepository(DatabaseExecutor db, ISqlDialect dialect) : IPushTokenRepository
{
    internal const string Columns =
        "id, user_id, kind, push_token, language, dev, bundleid, os, os_token, push_platform, created_at, updated_at";

    public Task<IReadOnlyList<PushTokenRecord>> ListAsync(long userId, TokenKind kind, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<PushTokenRecord>>(async (connection, ct) =>
        {
            var rows = await connection.QueryAsync<PushTokenRow>(new CommandDefinition(
                $"SELECT {Columns} FROM push_tokens WHERE user_id = @UserId AND kind = @Kind ORDER BY id",
                new { UserId = userId, Kind = (int)kind }, cancellationToken: ct));
            return rows.Select(row => row.ToRecord()).ToList();
        }, cancellationToken);

    public Task<AddPushTokenOutcome> AddAsync(
        long userId, long sessionId, TokenKind kind, PushTokenValues values, int maxPerKind, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.WriteAsync<AddPushTokenOutcome>(async (connection, transaction, ct) =>
        {
            var nowMs = now.ToUnixTimeMilliseconds();
            var insert = InsertParameters(kind, userId, sessionId, values, nowMs);
            var id = await InsertIfAbsentAsync(connection, transaction, insert, ct);
            if (id is null)
            {
                var holder = await FindHolderAsync(connection, transaction, kind, values.BundleId, values.PushToken, excludingId: 0, ct);
                if (holder.UserId == userId)
                {
                    // The caller holds it already: an app that registers at every start keeps its record alive.
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE push_tokens SET updated_at = @Now, session_id = @SessionId WHERE id = @Id",
                        new { Now = nowMs, SessionId = sessionId, holder.Id }, transaction, cancellationToken: ct));
                    return new AddPushTokenOutcome.AlreadyHeld(holder.Id);
                }

                // A phone belongs to whoever registered it last: the other user's record goes.
                await DeleteByIdAsync(connection, transaction, holder.Id, ct);
                id = await InsertIfAbsentAsync(connection, transaction, insert, ct)
                    ?? throw new InvalidOperationException("A push token removed in this transaction is taken again.");
            }

            await connection.ExecuteAsync(new CommandDefinition(
                dialect.EvictBeyondCap, new { UserId = userId, Kind = (int)kind, Max = maxPerKind }, transaction, cancellationToken: ct));
            return new AddPushTokenOutcome.Created(new PushTokenRecord(
                id.Value, userId, kind, values.PushToken, values.Language, values.Dev, values.BundleId, values.Os,
                values.OsToken, values.PushPlatform, FromMs(nowMs), FromMs(nowMs)));
        }, cancellationToken);

    public Task<UpdatePushTokenOutcome> UpdateAsync(
        long userId, long sessionId, TokenKind kind, long id, Func<PushTokenRecord, PushTokenValues> change, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.WriteAsync<UpdatePushTokenOutcome>(async (connection, transaction, ct) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<PushTokenRow>(new CommandDefinition(
                $"SELECT {Columns} FROM push_tokens WHERE id = @Id AND user_id = @UserId AND kind = @Kind",
                new { Id = id, UserId = userId, Kind = (int)kind }, transaction, cancellationToken: ct));
            if (row is null)
            {
                return new UpdatePushTokenOutcome.NotFound();
            }

            var existing = row.ToRecord();
            var values = change(existing);
            if (values.BundleId != existing.BundleId || values.PushToken != existing.PushToken)
            {
                var holder = await FindHolderAsync(connection, transaction, kind, values.BundleId, values.PushToken, excludingId: id, ct);
                if (holder.Id != 0)
                {
                    if (holder.UserId == userId)
                    {
                        return new UpdatePushTokenOutcome.HeldByOtherRecord(holder.Id);
                    }

                    await DeleteByIdAsync(connection, transaction, holder.Id, ct);
                }
            }

            var nowMs = now.ToUnixTimeMilliseconds();
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE push_tokens SET push_token = @PushToken, language = @Language, dev = @Dev, bundleid = @BundleId, os = @Os,
                    os_token = @OsToken, push_platform = @PushPlatform, session_id = @SessionId, updated_at = @Now
                WHERE id = @Id
                """,
                new
                {
                    values.PushToken, values.Language, values.Dev, values.BundleId, values.Os, values.OsToken, values.PushPlatform,
                    SessionId = sessionId, Now = nowMs, Id = id,
                },
                transaction, cancellationToken: ct));
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
            });
        }, cancellationToken);

    public Task<bool> DeleteAsync(long userId, TokenKind kind, long id, CancellationToken cancellationToken) =>
        db.WriteAsync(async (connection, transaction, ct) =>
        {
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM push_tokens WHERE id = @Id AND user_id = @UserId AND kind = @Kind",
                new { Id = id, UserId = userId, Kind = (int)kind }, transaction, cancellationToken: ct));
            return deleted > 0;
        }, cancellationToken);

    private static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    private static DynamicParameters InsertParameters(TokenKind kind, long userId, long sessionId, PushTokenValues values, long nowMs) =>
        new(new
        {
            Kind = (int)kind,
            UserId = userId,
            SessionId = sessionId,
            values.PushToken,
            values.Language,
            values.Dev,
            values.BundleId,
            values.Os,
            values.OsToken,
            values.PushPlatform,
            Now = nowMs,
        });

    private async Task<long?> InsertIfAbsentAsync(DbConnection connection, DbTransaction transaction, DynamicParameters parameters, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            dialect.InsertPushTokenIfAbsent, parameters, transaction, cancellationToken: ct));

    /// <summary>Who holds (kind, bundleid, push_token), other than record <paramref name="excludingId"/>; Id 0 when nobody.</summary>
    private static async Task<(long Id, long UserId)> FindHolderAsync(
        DbConnection connection, DbTransaction transaction, TokenKind kind, string bundleId, string pushToken, long excludingId, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<(long Id, long UserId)>(new CommandDefinition(
            "SELECT id, user_id FROM push_tokens WHERE kind = @Kind AND bundleid = @BundleId AND push_token = @PushToken AND id <> @ExcludingId",
            new { Kind = (int)kind, BundleId = bundleId, PushToken = pushToken, ExcludingId = excludingId }, transaction, cancellationToken: ct));

    private static Task<int> DeleteByIdAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM push_tokens WHERE id = @Id", new { Id = id }, transaction, cancellationToken: ct));
}
