using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests;

/// <summary>
/// Push tokens, os tokens, passwords and session tokens never appear in the logs in full (API.md section 8),
/// on success and on failure, with every log level on.
/// </summary>
public sealed class LogTests
{
    [Test]
    public async Task Secrets_of_a_session_never_reach_the_logs_in_full()
    {
        using var logs = new LogCapture();
        using var factory = new PushTokenApiFactory(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" },
            logs: logs);
        try
        {
            using var client = factory.CreateClient();
            var username = ApiClient.NewUsername();
            var (_, session) = await client.NewSessionAsync(username);
            var pushToken = ApiClient.NewPushToken();
            var osToken = $"os{ApiClient.NewPushToken()}";
            var created = await client.CreateTokenAsync(ApiClient.RingPath, session, pushToken, $""" "os_token":"{osToken}","push_platform":"FCM" """);
            await client.PostTokenAsync(ApiClient.RingPath, session, pushToken);
            await client.PutTokenAsync(ApiClient.RingPath, created["id"]!.GetValue<long>(), session, pushToken, $""" "os_token":"{osToken}" """);
            await client.SendJsonAsync(HttpMethod.Post, ApiClient.MessagePath, $$"""{"push_token":"{{pushToken}}","language":"en" """, session);
            await client.SendJsonAsync(HttpMethod.Post, ApiClient.LoginPath, $$"""{"username":"{{username}}","password":"wrong-{{ApiClient.Password}}"}""");
            await client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, $"{session}x");
            var logout = await client.SendJsonAsync(HttpMethod.Post, ApiClient.LogoutPath, null, session);
            Assert.That(logout.Status, Is.EqualTo(HttpStatusCode.NoContent));

            Assert.That(logs.Lines, Has.Some.Contains($"{ApiClient.RingPath}/{created["id"]}"), "the requests are logged");
            using (Assert.EnterMultipleScope())
            {
                foreach (var secret in new[] { session, pushToken, osToken, ApiClient.Password })
                {
                    Assert.That(logs.Lines, Has.None.Contains(secret), $"...{secret[^4..]} was logged");
                }
            }
        }
        finally
        {
            factory.Dispose();
            factory.DeleteDatabase();
        }
    }
}
