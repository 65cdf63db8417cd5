namespace PushTokenService.Infrastructure.Persistence.Repositories;

/// <summary>The statements whose SQL differs between providers. Everything else is shared, standard SQL.</summary>
public interface ISqlDialect
{
    /// <summary>Inserts a user and returns its id. Parameters: Username, PasswordHash, CreatedAt.</summary>
    string InsertUser { get; }

    /// <summary>Inserts a session and returns its id. Parameters: UserId, TokenHash, CreatedAt, ExpiresAt.</summary>
    string InsertSession { get; }

    /// <summary>
    /// Inserts a push token and returns its id and how many records of that kind its user now holds (NULL where the
    /// provider cannot count in the same statement), or returns no row when (kind, bundleid, push_token) is taken.
    /// Parameters: Kind, UserId, SessionId, PushToken, Language, Dev, BundleId, Os, OsToken, PushPlatform, Now.
    /// </summary>
    string InsertPushTokenIfAbsent { get; }

    /// <summary>
    /// Deletes the user's records of a kind beyond the newest <c>@Max</c> by updated_at, then id (the cap of
    /// <see cref="Domain.PushTokens.RecordCap"/>). Parameters: UserId, Kind, Max.
    /// </summary>
    string EvictBeyondCap { get; }

    /// <summary>
    /// The id and user_id of the record holding (kind, bundleid, push_token), other than <c>@ExcludingId</c>, locked (or, when
    /// nobody holds it, the key locked) until the transaction ends. Parameters: Kind, BundleId, PushToken, ExcludingId.
    /// </summary>
    string FindPushTokenHolder { get; }

    /// <summary>The caller's record (<see cref="PushTokenRow.Columns"/>) locked until the transaction ends. Parameters: Id, UserId, Kind.</summary>
    string SelectOwnedPushTokenForUpdate { get; }

    /// <summary>Deletes at most <c>@BatchSize</c> push tokens with updated_at before <c>@UpdatedBefore</c>. Parameters: UpdatedBefore, BatchSize.</summary>
    string DeleteStalePushTokensBatch { get; }

    /// <summary>Deletes at most <c>@BatchSize</c> sessions with expires_at at or before <c>@Now</c>. Parameters: Now, BatchSize.</summary>
    string DeleteExpiredSessionsBatch { get; }
}
