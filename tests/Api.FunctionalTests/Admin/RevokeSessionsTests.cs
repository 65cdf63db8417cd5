using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>DELETE /v1/api/admin/users/{user_id}/sessions.</summary>
public sealed class RevokeSessionsTests : FunctionalTestBase
{
    [Test]
    public async Task Revoke_ends_every_session_of_the_user_and_its_tokens_answer_invalid_token()
    {
        var username = $"revoke{Guid.NewGuid():N}"[..24];
        var (userId, phone) = await Client.NewSessionAsync(username);
        var (_, tablet) = await Client.LoginAsync(username);

        var (status, body) = await Client.AdminAsync(HttpMethod.Delete, AdminApi.SessionsPath(userId));
        var (phoneStatus, phoneError) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, phone);
        var (tabletStatus, tabletError) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.MessagePath, null, tablet);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"revoked":2}"""));
            Assert.That(phoneStatus, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(phoneError.Error(), Is.EqualTo("invalid token"));
            Assert.That(tabletStatus, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(tabletError.Error(), Is.EqualTo("invalid token"));
        });
    }

    [Test]
    public async Task Revoke_keeps_the_push_tokens_of_the_user()
    {
        var username = $"revoke{Guid.NewGuid():N}"[..24];
        var (userId, token) = await Client.NewSessionAsync(username);
        var ring = await Client.CreateTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken());
        var message = await Client.CreateTokenAsync(ApiClient.MessagePath, token, ApiClient.NewPushToken());

        await Client.AdminAsync(HttpMethod.Delete, AdminApi.SessionsPath(userId));
        var (_, records) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));
        var (_, newToken) = await Client.LoginAsync(username);
        var (_, ownRing) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, newToken);

        Assert.Multiple(() =>
        {
            Assert.That(records!.ToJsonString(), Is.EqualTo($$"""{"ring":[{{ring.ToJsonString()}}],"message":[{{message.ToJsonString()}}]}"""));
            Assert.That(ownRing!.ToJsonString(), Is.EqualTo($"[{ring.ToJsonString()}]"));
        });
    }

    [Test]
    public async Task Revoke_leaves_the_sessions_of_other_users()
    {
        var (userId, _) = await Client.NewSessionAsync();
        var (_, otherToken) = await Client.NewSessionAsync();

        await Client.AdminAsync(HttpMethod.Delete, AdminApi.SessionsPath(userId));
        var (status, _) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, otherToken);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Revoke_a_second_time_revokes_nothing()
    {
        var (userId, _) = await Client.NewSessionAsync();
        await Client.AdminAsync(HttpMethod.Delete, AdminApi.SessionsPath(userId));

        var (status, body) = await Client.AdminAsync(HttpMethod.Delete, AdminApi.SessionsPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"revoked":0}"""));
        });
    }

    [Test]
    public async Task Revoke_for_an_unknown_user_revokes_nothing()
    {
        var (status, body) = await Client.AdminAsync(HttpMethod.Delete, AdminApi.SessionsPath(long.MaxValue));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"revoked":0}"""));
        });
    }

    [TestCase("me")]
    [TestCase("0")]
    [TestCase("-7")]
    public async Task Revoke_with_a_user_id_that_is_not_a_positive_integer_is_400_user_id_format_error(string userId)
    {
        var (status, body) = await Client.AdminAsync(HttpMethod.Delete, AdminApi.SessionsPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.Error(), Is.EqualTo("user_id format error"));
        });
    }
}
