using System.Net;
using Microsoft.Extensions.Time.Testing;
using PushTokenService.Api.FunctionalTests.Support;
using PushTokenService.Application.Maintenance.Commands.PurgeStaleRecords;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>
/// API.md section 7: records untouched for PushTokens:StaleAfterDays (270) are purged, expired sessions too, a few rows per
/// transaction. The purge runs directly here (the job is off); the clock is a fake moved forward.
/// </summary>
public sealed class PurgeTests : FunctionalTestBase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The purge's counts are of the whole registry: each test starts from an empty one.</summary>
    [SetUp]
    public void EmptyTheRegistry() => ResetState();

    protected override PushTokenApiFactory CreateOwnHost() =>
        new(AdminApi.Settings(("PushTokens:PurgeIntervalMinutes", "0"), ("PushTokens:PurgeBatchSize", "2")), clock: _clock);

    [Test]
    public async Task Purge_deletes_records_not_updated_for_270_days_and_keeps_a_record_refreshed_since()
    {
        var username = $"purge{Guid.NewGuid():N}"[..24];
        var (userId, token) = await Client.NewSessionAsync(username);
        await Client.CreateTokenAsync(ApiClient.RingPath, token, "ring-old-1");
        await Client.CreateTokenAsync(ApiClient.RingPath, token, "ring-old-2");
        await Client.CreateTokenAsync(ApiClient.RingPath, token, "ring-refreshed");
        await Client.CreateTokenAsync(ApiClient.MessagePath, token, "message-old");
        var (otherId, otherToken) = await Client.NewSessionAsync();
        await Client.CreateTokenAsync(ApiClient.RingPath, otherToken, "other-old");

        _clock.Advance(TimeSpan.FromDays(200));
        var (_, laterToken) = await Client.LoginAsync(username);
        var (refreshStatus, _) = await Client.SendJsonAsync(
            HttpMethod.Post, ApiClient.RingPath, """{"push_token":"ring-refreshed","language":"en"}""", laterToken);
        _clock.Advance(TimeSpan.FromDays(71));

        var purged = await Factory.PurgeStaleRecordsAsync();

        var (_, records) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));
        var (_, otherRecords) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(otherId));
        var (_, lookup) = await Client.AdminAsync(HttpMethod.Post, AdminApi.LookupPath, $$"""{"kind":"ring","user_ids":[{{userId}},{{otherId}}]}""");
        var (_, nowToken) = await Client.LoginAsync(username);
        var (_, own) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, nowToken);
        Assert.Multiple(() =>
        {
            Assert.That(refreshStatus, Is.EqualTo(HttpStatusCode.Conflict), "a repeated POST refreshes updated_at");
            Assert.That(purged.PushTokens, Is.EqualTo(4));
            Assert.That(records!["ring"].PushTokens(), Is.EqualTo(new[] { "ring-refreshed" }));
            Assert.That(records["message"]!.AsArray(), Is.Empty);
            Assert.That(otherRecords!.ToJsonString(), Is.EqualTo("""{"ring":[],"message":[]}"""));
            Assert.That(lookup!["tokens"].PushTokens(), Is.EqualTo(new[] { "ring-refreshed" }));
            Assert.That(own.PushTokens(), Is.EqualTo(new[] { "ring-refreshed" }));
        });
    }

    [Test]
    public async Task Purge_keeps_a_record_until_it_is_270_days_old()
    {
        var (userId, token) = await Client.NewSessionAsync();
        await Client.CreateTokenAsync(ApiClient.RingPath, token, "ring-1");

        _clock.Advance(TimeSpan.FromDays(270) - TimeSpan.FromMinutes(1));
        var early = await Factory.PurgeStaleRecordsAsync();
        _clock.Advance(TimeSpan.FromMinutes(2));
        var late = await Factory.PurgeStaleRecordsAsync();
        var (_, records) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(early.PushTokens, Is.EqualTo(0));
            Assert.That(late.PushTokens, Is.EqualTo(1));
            Assert.That(records!["ring"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task Purge_deletes_in_batches_until_nothing_stale_is_left()
    {
        var (userId, token) = await Client.NewSessionAsync();
        for (var i = 0; i < 7; i++)
        {
            await Client.CreateTokenAsync(ApiClient.RingPath, token, $"ring-{i}");
        }

        _clock.Advance(TimeSpan.FromDays(271));
        var purged = await Factory.PurgeStaleRecordsAsync();
        var again = await Factory.PurgeStaleRecordsAsync();
        var (_, records) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(purged, Is.EqualTo(new PurgedRecords(7, 1)));
            Assert.That(again, Is.EqualTo(new PurgedRecords(0, 0)));
            Assert.That(records!["ring"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task Purge_deletes_expired_sessions_and_keeps_live_ones()
    {
        var username = $"purge{Guid.NewGuid():N}"[..24];
        var (_, expiring) = await Client.NewSessionAsync(username);
        _clock.Advance(TimeSpan.FromDays(20));
        var (_, live) = await Client.LoginAsync(username);
        _clock.Advance(TimeSpan.FromDays(15));
        var (_, statsBefore) = await Client.AdminAsync(HttpMethod.Get, AdminApi.StatsPath);

        var purged = await Factory.PurgeStaleRecordsAsync();

        var (expiredStatus, expiredError) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, expiring);
        var (liveStatus, _) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, live);
        Assert.Multiple(() =>
        {
            Assert.That(statsBefore!["live_sessions"]!.GetValue<long>(), Is.EqualTo(1), "an expired session is not live, purged or not");
            Assert.That(purged, Is.EqualTo(new PurgedRecords(0, 1)));
            Assert.That(expiredStatus, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(expiredError.Error(), Is.EqualTo("invalid token"));
            Assert.That(liveStatus, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
