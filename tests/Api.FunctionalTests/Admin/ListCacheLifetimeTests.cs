using Microsoft.Data.Sqlite;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>
/// The kept lists and what does not pass through this process: the purge drops them at once; a write made to the SQLite
/// file by another process is seen within PushTokens:ListCacheSeconds (5 by default).
/// </summary>
public sealed class ListCacheLifetimeTests
{
    private FakeClockService _service = null!;

    private HttpClient Client => _service.Client;

    [SetUp]
    public void StartService() => _service = new FakeClockService(null, ("PushTokens:PurgeIntervalMinutes", "0"));

    [TearDown]
    public void StopService() => _service.Dispose();

    [Test]
    public async Task The_purge_takes_stale_records_from_a_list_read_before_it()
    {
        var username = ApiClient.NewUsername();
        var (_, token) = await Client.NewSessionAsync(username);
        await Client.CreateTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken());
        _service.Clock.Advance(TimeSpan.FromDays(271));
        var (_, freshToken) = await Client.LoginAsync(username);
        Assert.That(await Client.ListAsync(ApiClient.RingPath, freshToken), Has.Count.EqualTo(1));

        var purged = await _service.PurgeAsync();

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

        await using (var other = new SqliteConnection($"Data Source={_service.DatabasePath};Pooling=False"))
        {
            await other.OpenAsync();
            await using var delete = other.CreateCommand();
            delete.CommandText = "DELETE FROM push_tokens WHERE push_token = $token";
            delete.Parameters.AddWithValue("$token", pushToken);
            Assert.That(await delete.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        _service.Clock.Advance(TimeSpan.FromSeconds(4));
        var within = await Client.ListAsync(ApiClient.RingPath, token);
        _service.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await Client.ListAsync(ApiClient.RingPath, token);

        Assert.Multiple(() =>
        {
            Assert.That(within, Has.Count.EqualTo(1), "kept for up to 5 s: this process did not see that write");
            Assert.That(after, Is.Empty);
        });
    }
}
