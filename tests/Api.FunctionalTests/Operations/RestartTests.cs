using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Operations;

/// <summary>Everything lives in the database file: a restarted service on the same file knows it all.</summary>
public sealed class RestartTests
{
    [Test]
    public async Task Users_sessions_and_records_survive_a_restart()
    {
        var databasePath = TestDatabase.NewPath();
        try
        {
            string username = ApiClient.NewUsername(), token, ringToken, messageToken;
            long userId;
            using (var first = new PushTokenApiFactory(databasePath: databasePath))
            using (var client = first.CreateClient())
            {
                (userId, token) = await client.NewSessionAsync(username);
                ringToken = (await client.CreateTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken()))["push_token"]!.GetValue<string>();
                messageToken = (await client.CreateTokenAsync(ApiClient.MessagePath, token, ApiClient.NewPushToken()))["push_token"]!.GetValue<string>();
            }

            using var second = new PushTokenApiFactory(databasePath: databasePath);
            using var restarted = second.CreateClient();

            var ring = await restarted.ListPushTokensAsync(ApiClient.RingPath, token);
            var message = await restarted.ListPushTokensAsync(ApiClient.MessagePath, token);
            var (loggedInId, _) = await restarted.LoginAsync(username);
            var taken = await restarted.SendJsonAsync(HttpMethod.Post, ApiClient.RegisterPath, $$"""{"username":"{{username}}","password":"{{ApiClient.Password}}"}""");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(ring, Is.EqualTo(new[] { ringToken }));
                Assert.That(message, Is.EqualTo(new[] { messageToken }));
                Assert.That(loggedInId, Is.EqualTo(userId));
                Assert.That(taken.Status, Is.EqualTo(HttpStatusCode.Conflict));
            }
        }
        finally
        {
            TestDatabase.Delete(databasePath);
        }
    }
}
