using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PushTokenService.Api.Errors;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>API.md section 4: an unexpected exception is 500 <c>paramer error</c> with a trace id, logged with that trace id.</summary>
public sealed class UnexpectedErrorTests
{
    [Test]
    public async Task An_unexpected_exception_answers_500_paramer_error_and_is_logged_with_the_trace_id_of_the_answer()
    {
        using var factory = new PushTokenApiFactory(services: FaultInjectingPushTokenRepository.Register);
        using var client = factory.CreateClient();
        var (_, token) = await client.NewSessionAsync();
        factory.Services.GetRequiredService<FaultInjectingPushTokenRepository>().Fail = true;

        using var response = await client.SendAsync(ApiClient.Json(HttpMethod.Post, ApiClient.RingPath, """{"push_token":"abc","language":"en"}""", token));
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text);
        var traceId = body!["traceId"]?.GetValue<string>();
        var logged = factory.Logs.Entries.Where(entry => entry.Category == typeof(ApiExceptionHandler).FullName).ToList();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
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
}
