using System.Net;
using System.Net.Http.Headers;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>
/// An answer the contract expects (400, 401, 404, 409, 413, 415, 429) is the client's outcome: it is never logged at
/// Error or with a stack trace. A database error the client cannot cause is the service's: it is logged at Error with
/// the trace id of its answer. Each test starts a host of its own: a login limit of one a minute, log lines counted at
/// the configured levels and a dropped table must not reach another test.
/// </summary>
public sealed class LogLevelTests
{
    private const int MaxBodyBytes = 1024;

    [Test]
    public async Task Outcomes_the_contract_expects_are_never_logged_at_error_or_with_a_stack_trace()
    {
        using var logs = new LogCapture();
        using var factory = new PushTokenApiFactory(
            new Dictionary<string, string?> { ["Limits:MaxBodyBytes"] = $"{MaxBodyBytes}", ["RateLimits:LoginPerMinute"] = "1" },
            logs: logs);
        using var client = factory.CreateClient();
        var username = ApiClient.NewUsername();
        var (_, token) = await client.NewSessionAsync(username);
        var pushToken = ApiClient.NewPushToken();
        await client.CreateTokenAsync(ApiClient.RingPath, token, pushToken);

        var answers = new List<HttpStatusCode>
        {
            (await client.SendJsonAsync(HttpMethod.Post, ApiClient.RingPath, """{"language":"en"}""", token)).Status,
            (await client.SendJsonAsync(HttpMethod.Post, ApiClient.RingPath, "not json", token)).Status,
            (await client.SendJsonAsync(HttpMethod.Delete, $"{ApiClient.RingPath}/abc", null, token)).Status,
            (await client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null)).Status,
            (await client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, $"{token}x")).Status,
            (await client.SendJsonAsync(HttpMethod.Delete, $"{ApiClient.RingPath}/999999999", null, token)).Status,
            (await client.SendJsonAsync(HttpMethod.Get, "/v1/api/nothing/here", null, token)).Status,
            (await client.PostTokenAsync(ApiClient.RingPath, token, pushToken)).Status,
            (await client.SendJsonAsync(HttpMethod.Post, ApiClient.RingPath, $$"""{"push_token":"{{new string('a', MaxBodyBytes)}}","language":"en"}""", token)).Status,
            (await client.CallAsync(ApiClient.Raw(HttpMethod.Post, ApiClient.RingPath, new StringContent("{}", new MediaTypeHeaderValue("text/plain")), token))).Status,
            (await client.SendJsonAsync(HttpMethod.Post, ApiClient.LoginPath, $$"""{"username":"{{username}}","password":"wrong-password"}""")).Status,
            (await client.SendJsonAsync(HttpMethod.Post, ApiClient.LoginPath, $$"""{"username":"{{username}}","password":"wrong-password"}""")).Status,
        };

        Assert.That(
            answers.Distinct().Order(),
            Is.EqualTo(new[]
            {
                HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.Conflict,
                HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.TooManyRequests,
            }));
        Assert.That(logs.Lines.Where(IsErrorOrStackTrace), Is.Empty);
    }

    [Test]
    public async Task A_taken_user_name_is_not_logged_at_error_or_with_a_stack_trace()
    {
        using var logs = new LogCapture();
        using var factory = new PushTokenApiFactory(logs: logs);
        using var client = factory.CreateClient();
        var username = ApiClient.NewUsername();
        await client.NewSessionAsync(username);

        var taken = await client.SendJsonAsync(HttpMethod.Post, ApiClient.RegisterPath, $$"""{"username":"{{username}}","password":"{{ApiClient.Password}}"}""");

        Assert.That(taken.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(logs.Lines.Where(IsErrorOrStackTrace), Is.Empty);
    }

    [Test]
    public async Task A_database_error_is_logged_at_error_with_the_trace_id_of_its_answer()
    {
        using var factory = new PushTokenApiFactory();
        using var client = factory.CreateClient();
        var (_, token) = await client.NewSessionAsync();
        factory.Execute("DROP TABLE push_tokens");

        var response = await client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token);

        ApiAssert.IsError(response, HttpStatusCode.InternalServerError, "database error");
        var traceId = response.Body!["traceId"]!.GetValue<string>();
        Assert.That(factory.Logs.Lines, Has.Some.StartsWith("Error ").And.Contains(traceId).And.Contains("30001"));
    }

    private static bool IsErrorOrStackTrace(string line) =>
        line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal) || line.Contains("   at ", StringComparison.Ordinal);
}
