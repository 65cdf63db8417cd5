using PushTokenService.Infrastructure.Persistence.Repositories;

namespace PushTokenService.Infrastructure.Persistence.SqlServer;

/// <summary>
/// T-SQL for the statements that differ. Several API processes write at once here, so the statements that decide who holds
/// a push token take UPDLOCK (no second writer reads the key meanwhile) with HOLDLOCK (the key range stays locked when the row is absent),
/// until the write transaction ends: identical concurrent inserts and moves queue on the key instead of racing.
/// </summary>
public sealed class SqlServerDialect : ISqlDialect
{
    public string InsertUser =>
        "INSERT INTO users (username, password_hash, created_at) OUTPUT INSERTED.id VALUES (@Username, @PasswordHash, @CreatedAt)";

    public string InsertSession =>
        "INSERT INTO sessions (user_id, token_hash, created_at, expires_at) OUTPUT INSERTED.id VALUES (@UserId, @TokenHash, @CreatedAt, @ExpiresAt)";

    public string InsertPushTokenIfAbsent => """
        INSERT INTO push_tokens (kind, user_id, session_id, push_token, language, dev, bundleid, os, os_token, push_platform, created_at, updated_at)
        OUTPUT INSERTED.id, CAST(NULL AS INT) AS held
        SELECT @Kind, @UserId, @SessionId, @PushToken, @Language, @Dev, @BundleId, @Os, @OsToken, @PushPlatform, @Now, @Now
        WHERE NOT EXISTS (
            SELECT 1 FROM push_tokens WITH (UPDLOCK, HOLDLOCK)
            WHERE kind = @Kind AND bundleid = @BundleId AND push_token = @PushToken)
        """;

    // UPDLOCK makes this a locking read even under READ_COMMITTED_SNAPSHOT (Azure SQL's default): two adds for one user see each other.
    public string EvictBeyondCap => """
        WITH ranked AS (
            SELECT id, ROW_NUMBER() OVER (ORDER BY updated_at DESC, id DESC) AS position
            FROM push_tokens WITH (UPDLOCK)
            WHERE user_id = @UserId AND kind = @Kind)
        DELETE FROM ranked WHERE position > @Max
        """;

    public string FindPushTokenHolder => """
        SELECT id, user_id FROM push_tokens WITH (UPDLOCK, HOLDLOCK)
        WHERE kind = @Kind AND bundleid = @BundleId AND push_token = @PushToken AND id <> @ExcludingId
        """;

    public string SelectOwnedPushTokenForUpdate =>
        $"SELECT {PushTokenRow.Columns} FROM push_tokens WITH (UPDLOCK) WHERE id = @Id AND user_id = @UserId AND kind = @Kind";

    public string DeleteStalePushTokensBatch => "DELETE TOP (@BatchSize) FROM push_tokens WHERE updated_at < @UpdatedBefore";

    public string DeleteExpiredSessionsBatch => "DELETE TOP (@BatchSize) FROM sessions WHERE expires_at <= @Now";
}
