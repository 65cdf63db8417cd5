using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Operations;

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
        using var factory = new PushTokenApiFactory(services: FaultInjectingPushTokenRepository.Register);
        using var client = factory.CreateClient();
        var (_, token) = await client.NewSessionAsync();
        factory.Services.GetRequiredService<FaultInjectingPushTokenRepository>().Fail = true;

        var response = await client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token);

        ApiAssert.IsError(response, HttpStatusCode.InternalServerError, "paramer error");
        var traceId = response.Body!["traceId"]!.GetValue<string>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Text, Does.Not.Contain(FaultInjectingPushTokenRepository.FaultMessage));
            Assert.That(factory.Logs.Lines, Has.Some.Contains(traceId).And.Contains(FaultInjectingPushTokenRepository.FaultMessage));
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

    [Test]
    public async Task Busy_database_is_503_database_error_10003_with_retry_after()
    {
        using var factory = new PushTokenApiFactory { ConnectionOptions = ";Default Timeout=1" };
        using var client = factory.CreateClient();
        var (_, token) = await client.NewSessionAsync();
        using var other = factory.OpenDatabase();
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
}
