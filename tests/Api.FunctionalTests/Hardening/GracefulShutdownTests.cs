using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>SIGTERM drains the requests in flight before the process exits (HostOptions.ShutdownTimeout).</summary>
public sealed class GracefulShutdownTests
{
    [Test]
    public async Task SIGTERM_lets_a_login_in_flight_finish_with_200_and_the_process_exits_0()
    {
        await using var api = await ApiProcess.StartAsync();
        var username = ApiClient.NewUsername();
        using (var client = new HttpClient { BaseAddress = api.Address })
        {
            var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/v1/api/user/register", $$"""{"username":"{{username}}","password":"{{ApiClient.Password}}"}""");
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        }

        // The login is provably in flight: the service has asked for its body (100 Continue) and has not got it yet.
        var login = Encoding.UTF8.GetBytes($$"""{"username":"{{username}}","password":"{{ApiClient.Password}}"}""");
        using var connection = await RawHttp.ConnectAsync(api.Address);
        await connection.WriteAsync(
            $"POST /v1/api/user/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {login.Length}\r\nExpect: 100-continue\r\n\r\n");
        var proceed = await connection.ReadResponseAsync();
        Assert.That(proceed?.Status, Is.EqualTo(100));

        await api.TerminateAsync();
        await api.WaitForLineAsync(line => line.Contains("Application is shutting down", StringComparison.Ordinal));
        await connection.WriteAsync(login);
        var answer = await connection.ReadResponseAsync();
        var exitCode = await api.WaitForExitAsync();

        Assert.Multiple(() =>
        {
            Assert.That(answer?.Status, Is.EqualTo(200), string.Join("\n", api.Output));
            Assert.That(answer is null ? null : JsonNode.Parse(answer.Body)?["token"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
            Assert.That(exitCode, Is.EqualTo(0), string.Join("\n", api.Output));
        });
    }
}
