using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Operations;

/// <summary>
/// Push tokens, os tokens, passwords and session tokens never appear in the logs in full (API.md section 8),
/// on success and on failure, with every log level captured.
/// </summary>
public sealed class LogTests : FunctionalTestBase
{
    [Test]
    public async Task Secrets_of_a_session_never_reach_the_logs_in_full()
    {
        var username = ApiClient.NewUsername();
        var (_, session) = await Client.NewSessionAsync(username);
        var pushToken = ApiClient.NewPushToken();
        var osToken = $"os{ApiClient.NewPushToken()}";
        var created = await Client.CreateTokenAsync(ApiClient.RingPath, session, pushToken, $""" "os_token":"{osToken}","push_platform":"FCM" """);
        await Client.PostTokenAsync(ApiClient.RingPath, session, pushToken);
        await Client.PutTokenAsync(ApiClient.RingPath, created["id"]!.GetValue<long>(), session, pushToken, $""" "os_token":"{osToken}" """);
        await Client.SendJsonAsync(HttpMethod.Post, ApiClient.MessagePath, $$"""{"push_token":"{{pushToken}}","language":"en" """, session);
        await Client.SendJsonAsync(HttpMethod.Post, ApiClient.LoginPath, $$"""{"username":"{{username}}","password":"wrong-{{ApiClient.Password}}"}""");
        await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, $"{session}x");
        var logout = await Client.SendJsonAsync(HttpMethod.Post, ApiClient.LogoutPath, null, session);
        Assert.That(logout.Status, Is.EqualTo(HttpStatusCode.NoContent));

        var lines = Factory.Logs.Lines;
        Assert.That(lines, Has.Some.Contains($"{ApiClient.RingPath}/{created["id"]}"), "the requests are logged");
        using (Assert.EnterMultipleScope())
        {
            foreach (var secret in new[] { session, pushToken, osToken, ApiClient.Password })
            {
                Assert.That(lines, Has.None.Contains(secret), $"...{secret[^4..]} was logged");
            }
        }
    }
}
