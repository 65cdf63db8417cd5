using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PushTokenService.Api.Errors;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>
/// API.md section 4: an unexpected exception is 500 <c>paramer error</c> with a trace id, logged with that trace id,
/// and gives away neither the exception nor its message. The repository here fails the way a bug does.
/// </summary>
public sealed class UnexpectedErrorTests : FunctionalTestBase
{
    private string _token = null!;

    [OneTimeSetUp]
    public async Task BreakTheRepository()
    {
        (_, _token) = await Client.NewSessionAsync();
        Factory.Services.GetRequiredService<FaultInjectingPushTokenRepository>().Fail = true;
    }

    [Test]
    public async Task An_unexpected_exception_answers_500_paramer_error_and_is_logged_with_the_trace_id_of_the_answer()
    {
        var loggedBefore = Factory.Logs.Entries.Count;

        using var response = await Client.SendAsync(ApiClient.Json(HttpMethod.Post, ApiClient.RingPath, """{"push_token":"abc","language":"en"}""", _token));
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text);
        var traceId = body!["traceId"]?.GetValue<string>();
        var logged = Factory.Logs.Entries.Skip(loggedBefore).Where(entry => entry.Category == typeof(ApiExceptionHandler).FullName).ToList();

        using var live = await Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(body.Error(), Is.EqualTo("paramer error"));
            Assert.That(traceId, Is.Not.Null.And.Not.Empty);
            Assert.That(ContractErrors.Internals.Where(text.Contains), Is.Empty, text);
            Assert.That(text, Does.Not.Contain(FaultInjectingPushTokenRepository.FaultMessage));
            Assert.That(logged, Has.Count.EqualTo(1));
            Assert.That(logged[0].Level, Is.EqualTo(LogLevel.Error));
            Assert.That(logged[0].Message, Does.Contain(traceId));
            Assert.That(logged[0].Exception, Is.TypeOf<InvalidOperationException>().With.Message.EqualTo(FaultInjectingPushTokenRepository.FaultMessage));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the process stays up");
        });
    }

    [Test]
    public async Task An_unexpected_exception_in_a_read_is_500_paramer_error_logged_with_its_trace_id()
    {
        var response = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, _token);

        ApiAssert.IsError(response, HttpStatusCode.InternalServerError, "paramer error");
        var traceId = response.Body!["traceId"]!.GetValue<string>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Text, Does.Not.Contain(FaultInjectingPushTokenRepository.FaultMessage));
            Assert.That(Factory.Logs.Lines, Has.Some.Contains(traceId).And.Contains(FaultInjectingPushTokenRepository.FaultMessage));
        }
    }

    protected override PushTokenApiFactory CreateOwnHost() => new(services: FaultInjectingPushTokenRepository.Register);
}
