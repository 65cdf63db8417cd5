using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PushTokenService.Application.Common.Options;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Infrastructure.Persistence.Caching;
using PushTokenService.Infrastructure.Persistence.Execution;
using PushTokenService.Infrastructure.Persistence.SqlServer;
using PushTokenService.Infrastructure.Persistence.Sqlite;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.Caching;

/// <summary>The kept lists: served only while nothing the cache was told of changed them, and never for longer than the lifetime.</summary>
public sealed class PushTokenListCacheTests
{
    private const long User = 7;
    private static readonly IReadOnlyList<PushTokenRecord> Records =
    [
        new(1, User, TokenKind.Ring, "apns-1", "en", 0, "com.lancens.app", "", "", "", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
    ];

    private readonly FakeTimeProvider _clock = new();

    [Test]
    public void A_stored_list_is_served_until_its_user_changes()
    {
        var cache = NewCache();
        cache.Store(User, TokenKind.Ring, cache.Begin(User), Records);

        var served = cache.TryGet(User, TokenKind.Ring, out var records);
        cache.Invalidate(User);

        Assert.Multiple(() =>
        {
            Assert.That(served, Is.True);
            Assert.That(records, Is.SameAs(Records));
            Assert.That(cache.TryGet(User, TokenKind.Ring, out _), Is.False);
            Assert.That(cache.TryGet(User, TokenKind.Message, out _), Is.False, "nothing stored for the other kind");
        });
    }

    [Test]
    public void A_list_read_before_a_commit_that_changed_it_is_never_served()
    {
        var cache = NewCache();
        var stamp = cache.Begin(User);
        cache.Invalidate(User);
        cache.Store(User, TokenKind.Ring, stamp, Records);

        Assert.That(cache.TryGet(User, TokenKind.Ring, out _), Is.False);
    }

    [Test]
    public void A_change_of_another_user_leaves_the_list_served()
    {
        var cache = NewCache();
        cache.Store(User, TokenKind.Ring, cache.Begin(User), Records);

        cache.Invalidate(User + 1);

        Assert.That(cache.TryGet(User, TokenKind.Ring, out _), Is.True);
    }

    [Test]
    public void A_change_of_unnamed_users_drops_every_list_also_one_read_before_it()
    {
        var cache = NewCache();
        cache.Store(User, TokenKind.Ring, cache.Begin(User), Records);
        var stamp = cache.Begin(User + 1);

        cache.InvalidateAll();
        cache.Store(User + 1, TokenKind.Ring, stamp, Records);

        Assert.Multiple(() =>
        {
            Assert.That(cache.TryGet(User, TokenKind.Ring, out _), Is.False);
            Assert.That(cache.TryGet(User + 1, TokenKind.Ring, out _), Is.False);
        });
    }

    [Test]
    public void A_list_is_served_for_the_lifetime_and_not_after()
    {
        var cache = NewCache(seconds: 30);
        cache.Store(User, TokenKind.Ring, cache.Begin(User), Records);

        _clock.Advance(TimeSpan.FromSeconds(29));
        var within = cache.TryGet(User, TokenKind.Ring, out _);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That((within, cache.TryGet(User, TokenKind.Ring, out _)), Is.EqualTo((true, false)));
    }

    [TestCase(true, 0, false)]
    [TestCase(false, 30, false)]
    [TestCase(true, 30, true)]
    public void Lists_are_kept_only_for_a_single_writer_database_with_a_lifetime(bool singleWriter, int seconds, bool enabled) =>
        Assert.That(NewCache(seconds, singleWriter).Enabled, Is.EqualTo(enabled));

    private PushTokenListCache NewCache(int seconds = 30, bool singleWriter = true)
    {
        IDbConnectionFactory connections = singleWriter
            ? new SqliteConnectionFactory("Data Source=unused.db")
            : new SqlServerConnectionFactory("Server=unused;Database=unused");
        return new PushTokenListCache(connections, Options.Create(new PushTokenOptions { ListCacheSeconds = seconds }), _clock);
    }
}
