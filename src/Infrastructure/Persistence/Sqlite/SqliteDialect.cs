using PushTokenService.Infrastructure.Persistence.Repositories;

namespace PushTokenService.Infrastructure.Persistence.Sqlite;

public sealed class SqliteDialect : ISqlDialect
{
    public string InsertUser =>
        "INSERT INTO users (username, password_hash, created_at) VALUES (@Username, @PasswordHash, @CreatedAt) RETURNING id";

    public string InsertSession =>
        "INSERT INTO sessions (user_id, token_hash, created_at, expires_at) VALUES (@UserId, @TokenHash, @CreatedAt, @ExpiresAt) RETURNING id";

    // RETURNING runs after the row is in (https://sqlite.org/lang_returning.html): the count includes it. Counting here, from the
    // (user_id, kind, id) index, spares the eviction's DELETE (a sort of the user's records) on every add under the cap.
    public string InsertPushTokenIfAbsent => """
        INSERT INTO push_tokens (kind, user_id, session_id, push_token, language, dev, bundleid, os, os_token, push_platform, created_at, updated_at)
        VALUES (@Kind, @UserId, @SessionId, @PushToken, @Language, @Dev, @BundleId, @Os, @OsToken, @PushPlatform, @Now, @Now)
        ON CONFLICT (kind, push_token, bundleid) DO NOTHING
        RETURNING id, (SELECT count(*) FROM push_tokens WHERE user_id = @UserId AND kind = @Kind) AS held
        """;

    public string EvictBeyondCap => """
        DELETE FROM push_tokens WHERE id IN (
            SELECT id FROM push_tokens WHERE user_id = @UserId AND kind = @Kind
            ORDER BY updated_at DESC, id DESC LIMIT -1 OFFSET @Max)
        """;

    // SQLite takes one writer at a time on the whole database (and this process queues its writes): no lock hint exists or is needed.
    public string FindPushTokenHolder =>
        "SELECT id, user_id FROM push_tokens WHERE kind = @Kind AND bundleid = @BundleId AND push_token = @PushToken AND id <> @ExcludingId";

    public string SelectOwnedPushTokenForUpdate =>
        $"SELECT {PushTokenRow.Columns} FROM push_tokens WHERE id = @Id AND user_id = @UserId AND kind = @Kind";

    public string DeleteStalePushTokensBatch =>
        "DELETE FROM push_tokens WHERE id IN (SELECT id FROM push_tokens WHERE updated_at < @UpdatedBefore LIMIT @BatchSize)";

    public string DeleteExpiredSessionsBatch =>
        "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at <= @Now LIMIT @BatchSize)";
}
