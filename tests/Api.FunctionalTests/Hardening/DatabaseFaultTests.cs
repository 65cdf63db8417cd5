using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PushTokenService.Api.FunctionalTests.Support;
using PushTokenService.Infrastructure.Persistence.Sqlite;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>
/// API.md sections 4 and 6: with the database unavailable the service answers 503 with a 100XX code and Retry-After,
/// stays up, serves again by itself when the database returns, and no write that got a 2xx is lost; a broken schema is
/// 500 with a 300XX code. No answer gives away the SQL or the provider's message.
/// </summary>
public sealed class DatabaseFaultTests : FunctionalTestBase
{
    /// <summary>A one-second busy wait (the service's default is SqliteConnectionFactory.DefaultBusyTimeoutSeconds).</summary>
    protected override PushTokenApiFactory CreateOwnHost() => new() { ConnectionOptions = ";Default Timeout=1" };

    [Test]
    public async Task Writes_while_another_process_holds_the_write_lock_answer_503_10003_with_retry_after_then_succeed_once_it_is_released()
    {
        var (_, token) = await Client.NewSessionAsync();
        var refused = NewPushToken();
        var accepted = NewPushToken();

        using (Factory.HoldWriteLock())
        {
            using var response = await Client.SendAsync(Post(token, refused));
            await AssertUnavailableAsync(response, 10003);

            using var live = await Client.GetAsync(new Uri("/health/live", UriKind.Relative));
            var (listStatus, _) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token);
            Assert.Multiple(() =>
            {
                Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the process stays up");
                Assert.That(listStatus, Is.EqualTo(HttpStatusCode.OK), "reads go on beside a writer (WAL)");
            });
        }

        using (var again = await Client.SendAsync(Post(token, accepted)))
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        Assert.That(Factory.CountRecords([refused, accepted]), Is.EqualTo(new Dictionary<string, long> { [refused] = 0, [accepted] = 1 }));
    }

    [Test]
    public async Task Writes_queued_behind_a_lock_succeed_once_it_is_released_and_every_2xx_is_in_the_database()
    {
        var (_, token) = await Client.NewSessionAsync();
        var pushTokens = Enumerable.Range(0, 8).Select(_ => NewPushToken()).ToList();
        var answers = new Dictionary<string, HttpStatusCode>();

        var writeLock = Factory.HoldWriteLock();
        try
        {
            var sends = pushTokens.Select(async pushToken =>
            {
                using var response = await Client.SendAsync(Post(token, pushToken));
                return (pushToken, response.StatusCode);
            }).ToList();

            // The lock goes away as soon as the first write has been refused: the others are queued or retrying.
            var first = await Task.WhenAny(sends);
            writeLock.Dispose();
            writeLock = null;
            foreach (var (pushToken, status) in await Task.WhenAll(sends))
            {
                answers[pushToken] = status;
            }

            Assert.That((await first).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }
        finally
        {
            writeLock?.Dispose();
        }

        var stored = Factory.CountRecords(pushTokens);
        Assert.Multiple(() =>
        {
            Assert.That(answers.Values, Is.All.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(answers.Values, Has.Some.EqualTo(HttpStatusCode.Created), "the service served again by itself");
            foreach (var (pushToken, status) in answers)
            {
                Assert.That(stored[pushToken], Is.EqualTo(status == HttpStatusCode.Created ? 1 : 0), $"{pushToken} answered {status}");
            }
        });
    }

    [Test]
    public async Task Requests_while_the_database_file_is_gone_answer_503_10001_and_the_service_serves_again_when_it_returns()
    {
        var (_, token) = await Client.NewSessionAsync();
        var before = NewPushToken();
        var during = NewPushToken();
        var after = NewPushToken();
        using (var created = await Client.SendAsync(Post(token, before)))
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var folder = Path.GetDirectoryName(Factory.DatabasePath)!;
        var away = folder + ".away";
        SqliteConnection.ClearAllPools();
        Directory.Move(folder, away);
        try
        {
            using (var write = await Client.SendAsync(Post(token, during)))
            {
                await AssertUnavailableAsync(write, 10001);
            }

            using (var read = await Client.SendAsync(ApiClient.Json(HttpMethod.Get, ApiClient.RingPath, null, token)))
            {
                await AssertUnavailableAsync(read, 10001);
            }

            using var live = await Client.GetAsync(new Uri("/health/live", UriKind.Relative));
            using var ready = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Multiple(() =>
            {
                Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the process stays up");
                Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "but is not ready");
            });
        }
        finally
        {
            Directory.Move(away, folder);
        }

        using (var created = await Client.SendAsync(Post(token, after)))
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var (listStatus, list) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token);
        using var readyAgain = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(listStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(list!.AsArray().Select(record => record!["push_token"]!.GetValue<string>()), Is.EquivalentTo(new[] { before, after }));
            Assert.That(readyAgain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Factory.CountRecords([before, during, after]), Is.EqualTo(new Dictionary<string, long> { [before] = 1, [during] = 0, [after] = 1 }));
        });
    }

    [Test]
    public async Task Busy_database_is_503_database_error_10003_with_retry_after()
    {
        var (_, token) = await Client.NewSessionAsync();
        using var other = Factory.OpenDatabase();
        using var exclusive = other.BeginTransaction();
        using (var command = other.CreateCommand())
        {
            command.Transaction = exclusive;
            command.CommandText = "DELETE FROM push_tokens WHERE id = -1";
            command.ExecuteNonQuery();
        }

        var response = await Client.PostTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken());

        ApiAssert.IsError(response, HttpStatusCode.ServiceUnavailable, "database error");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Body!["code"]?.GetValue<int>(), Is.EqualTo(10003));
            Assert.That(response.RetryAfter, Is.Not.Null.And.Not.Empty);
        }
    }

    [Test]
    public async Task Missing_schema_is_500_database_error_30001()
    {
        using var factory = new PushTokenApiFactory();
        using var client = factory.CreateClient();
        var (_, token) = await client.NewSessionAsync();
        factory.Execute("DROP TABLE push_tokens");

        var response = await client.SendJsonAsync(HttpMethod.Get, ApiClient.MessagePath, null, token);

        ApiAssert.IsError(response, HttpStatusCode.InternalServerError, "database error");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Body!["code"]?.GetValue<int>(), Is.EqualTo(30001));
            Assert.That(response.Text, Does.Not.Contain("push_tokens").And.Not.Contain("SQLite").And.Not.Contain("no such table"));
        }
    }

    [TestCase("Data Source=a.db", SqliteConnectionFactory.DefaultBusyTimeoutSeconds)]
    [TestCase("Data Source=a.db;Default Timeout=7", 7)]
    [TestCase("Data Source=a.db;Command Timeout=9", 9)]
    public void The_SQLite_busy_wait_is_a_few_seconds_unless_the_connection_string_sets_it(string connectionString, int seconds)
    {
        var effective = new SqliteConnectionStringBuilder(new SqliteConnectionFactory(connectionString).ConnectionString);
        Assert.That(effective.DefaultTimeout, Is.EqualTo(seconds));
    }

    private static string NewPushToken() => $"fault{Guid.NewGuid():N}";

    private static HttpRequestMessage Post(string token, string pushToken) =>
        ApiClient.Json(HttpMethod.Post, ApiClient.RingPath, $$"""{"push_token":"{{pushToken}}","language":"en"}""", token);

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, int code)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(body.Error(), Is.EqualTo("database error"));
            Assert.That(body!["code"]!.GetValue<int>(), Is.EqualTo(code));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
        });
    }
}
