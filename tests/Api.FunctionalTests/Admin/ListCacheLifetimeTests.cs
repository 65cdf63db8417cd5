using Microsoft.Extensions.Time.Testing;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>
/// The kept lists and what does not pass through this process: the purge drops them at once; a write made to the SQLite
/// file by another process is seen within PushTokens:ListCacheSeconds (5 by default).
/// </summary>
public sealed class ListCacheLifetimeTests : FunctionalTestBase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The purge's counts are of the whole registry: each test starts from an empty one.</summary>
    [SetUp]
    public void EmptyTheRegistry() => ResetState();

    protected override PushTokenApiFactory CreateOwnHost() =>
        new(AdminApi.Settings(("PushTokens:PurgeIntervalMinutes", "0")), clock: _clock);

    [Test]
    public async Task The_purge_takes_stale_records_from_a_list_read_before_it()
    {
        var username = ApiClient.NewUsername();
        var (_, token) = await Client.NewSessionAsync(username);
        await Client.CreateTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken());
        _clock.Advance(TimeSpan.FromDays(271));
        var (_, freshToken) = await Client.LoginAsync(username);
        Assert.That(await Client.ListAsync(ApiClient.RingPath, freshToken), Has.Count.EqualTo(1));

        var purged = await Factory.PurgeStaleRecordsAsync();

        Assert.That(purged.PushTokens, Is.EqualTo(1));
        Assert.That(await Client.ListAsync(ApiClient.RingPath, freshToken), Is.Empty);
    }

    [Test]
    public async Task A_record_deleted_by_another_process_leaves_the_list_within_the_cache_lifetime()
    {
        var (_, token) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken);
        Assert.That(await Client.ListAsync(ApiClient.RingPath, token), Has.Count.EqualTo(1));

        Assert.That(Factory.Execute("DELETE FROM push_tokens WHERE push_token = $token", ("$token", pushToken)), Is.EqualTo(1));

        _clock.Advance(TimeSpan.FromSeconds(4));
        var within = await Client.ListAsync(ApiClient.RingPath, token);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var after = await Client.ListAsync(ApiClient.RingPath, token);

        Assert.Multiple(() =>
        {
            Assert.That(within, Has.Count.EqualTo(1), "kept for up to 5 s: this process did not see that write");
            Assert.That(after, Is.Empty);
        });
    }
}
