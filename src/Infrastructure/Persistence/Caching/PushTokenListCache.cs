using Microsoft.Extensions.Options;
using PushTokenService.Application.Common.Options;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Infrastructure.Persistence.Execution;

namespace PushTokenService.Infrastructure.Persistence.Caching;

/// <summary>
/// The users' lists of records, kept in memory where this process is the database's only writer (SQLite), so that a
/// phone reading its list again costs no query. Every write that changes a user's records moves that user's version
/// after its commit and before it answers; a list read before that commit carries the old version and is never served.
/// </summary>
public sealed class PushTokenListCache
{
    /// <summary>A flood of distinct users cannot grow the cache past this; it starts again empty.</summary>
    public const int MaxEntries = 50_000;

    // Versions per stripe of user ids, not per user: a fixed array, and two users sharing a stripe only cost an extra read.
    private const int Stripes = 4096;

    private readonly long[] _versions = new long[Stripes];
    private readonly BoundedMap<(long UserId, TokenKind Kind), Entry> _entries = new(MaxEntries);
    private readonly TimeProvider _clock;
    private readonly long _lifetimeTicks;
    private long _epoch;

    public PushTokenListCache(IDbConnectionFactory connections, IOptions<PushTokenOptions> options, TimeProvider clock)
    {
        _clock = clock;
        var lifetime = TimeSpan.FromSeconds(options.Value.ListCacheSeconds);
        Enabled = connections.SingleWriter && lifetime > TimeSpan.Zero;
        _lifetimeTicks = (long)(lifetime.TotalSeconds * clock.TimestampFrequency);
    }

    public bool Enabled { get; }

    /// <summary>The version a list read from the database now is stored under: take it before the read.</summary>
    public Stamp Begin(long userId) => new(Volatile.Read(ref _versions[Stripe(userId)]), Volatile.Read(ref _epoch));

    public bool TryGet(long userId, TokenKind kind, out IReadOnlyList<PushTokenRecord> records)
    {
        if (_entries.TryGetValue((userId, kind), out var entry)
            && entry.Stamp == Begin(userId)
            && _clock.GetTimestamp() - entry.StoredAt < _lifetimeTicks)
        {
            records = entry.Records;
            return true;
        }

        records = [];
        return false;
    }

    public void Store(long userId, TokenKind kind, Stamp stamp, IReadOnlyList<PushTokenRecord> records)
    {
        _entries.Set((userId, kind), new Entry(records, stamp, _clock.GetTimestamp()));
    }

    /// <summary>After a commit that changed the user's records: no list read before it is served again.</summary>
    public void Invalidate(long userId) => Interlocked.Increment(ref _versions[Stripe(userId)]);

    /// <summary>After a commit that changed records of users it does not name (internal invalidation, purge).</summary>
    public void InvalidateAll()
    {
        Interlocked.Increment(ref _epoch);
        _entries.Clear();
    }

    private static int Stripe(long userId) => (int)((ulong)userId % Stripes);

    public readonly record struct Stamp(long Version, long Epoch);

    private sealed record Entry(IReadOnlyList<PushTokenRecord> Records, Stamp Stamp, long StoredAt);
}
