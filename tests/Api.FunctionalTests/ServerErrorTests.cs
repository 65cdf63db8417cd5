using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PushTokenService.Api.FunctionalTests.Support;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Api.FunctionalTests;

/// <summary>
/// Failures inside the service (API.md sections 4 and 6): an unexpected exception is 500 <c>paramer error</c>
/// logged with its trace id; a database error is <c>database error</c> with its code, 503 and Retry-After when
/// transient. Neither gives away the exception, the SQL or the provider's message.
/// </summary>
public sealed class ServerErrorTests
{
    [Test]
    public async Task Unexpected_exception_is_500_paramer_error_logged_with_its_trace_id()
    {
        using var logs = new LogCapture();
        using var factory = new PushTokenApiFactory(
            logs: logs,
            services: services => services.Replace(ServiceDescriptor.Singleton<IPushTokenRepository, FailingPushTokenRepository>()));
        try
        {
            using var client = factory.CreateClient();
            var (_, token) = await client.NewSessionAsync();

            var response = await client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token);

            ApiAssert.IsError(response, HttpStatusCode.InternalServerError, "paramer error");
            var traceId = response.Body!["traceId"]!.GetValue<string>();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(response.Text, Does.Not.Contain(FailingPushTokenRepository.Secret));
                Assert.That(logs.Lines, Has.Some.Contains(traceId).And.Contains(FailingPushTokenRepository.Secret));
            }
        }
        finally
        {
            factory.Dispose();
            factory.DeleteDatabase();
        }
    }

    [Test]
    public async Task Missing_schema_is_500_database_error_30001()
    {
        using var factory = new PushTokenApiFactory();
        try
        {
            using var client = factory.CreateClient();
            var (_, token) = await client.NewSessionAsync();
            Execute(factory, "DROP TABLE push_tokens");

            var response = await client.SendJsonAsync(HttpMethod.Get, ApiClient.MessagePath, null, token);

            ApiAssert.IsError(response, HttpStatusCode.InternalServerError, "database error");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(response.Body!["code"]?.GetValue<int>(), Is.EqualTo(30001));
                Assert.That(response.Text, Does.Not.Contain("push_tokens").And.Not.Contain("SQLite").And.Not.Contain("no such table"));
            }
        }
        finally
        {
            factory.Dispose();
            factory.DeleteDatabase();
        }
    }

    [Test]
    public async Task Busy_database_is_503_database_error_10003_with_retry_after()
    {
        var path = Path.Combine(Path.GetTempPath(), "pushtokens-tests", $"{Guid.NewGuid():N}", "pushtokens.db");
        using var factory = new PushTokenApiFactory(
            new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={path};Default Timeout=1" }, databasePath: path);
        try
        {
            using var client = factory.CreateClient();
            var (_, token) = await client.NewSessionAsync();
            using var other = new SqliteConnection($"Data Source={path};Pooling=False");
            other.Open();
            using var exclusive = other.BeginTransaction();
            using (var command = other.CreateCommand())
            {
                command.Transaction = exclusive;
                command.CommandText = "DELETE FROM push_tokens WHERE id = -1";
                command.ExecuteNonQuery();
            }

            var response = await client.PostTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken());

            ApiAssert.IsError(response, HttpStatusCode.ServiceUnavailable, "database error");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(response.Body!["code"]?.GetValue<int>(), Is.EqualTo(10003));
                Assert.That(response.RetryAfter, Is.Not.Null.And.Not.Empty);
            }
        }
        finally
        {
            factory.Dispose();
            factory.DeleteDatabase();
        }
    }

    private static void Execute(PushTokenApiFactory factory, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A repository that fails the way a bug does.</summary>
    private sealed class FailingPushTokenRepository : IPushTokenRepository
    {
        public const string Secret = "internal detail 7f3a";

        public Task<IReadOnlyList<PushTokenRecord>> ListAsync(long userId, TokenKind kind, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public Task<AddPushTokenOutcome> AddAsync(
            long userId, long sessionId, TokenKind kind, PushTokenValues values, int maxPerKind, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public Task<UpdatePushTokenOutcome> UpdateAsync(
            long userId, long sessionId, TokenKind kind, long id, Func<PushTokenRecord, PushTokenValues> change, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public Task<bool> DeleteAsync(long userId, TokenKind kind, long id, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}
