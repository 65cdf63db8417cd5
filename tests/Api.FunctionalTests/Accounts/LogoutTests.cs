using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Accounts;

/// <summary>
/// Logout (API.md section 2): ends one session and deletes the push tokens, of both kinds, last written through it;
/// the user's other sessions and their push tokens live on.
/// </summary>
public sealed class LogoutTests : FunctionalTestBase
{
    private string _username = null!;

    [OneTimeSetUp]
    public async Task RegisterUser()
    {
        _username = ApiClient.NewUsername();
        await Client.NewSessionAsync(_username);
    }

    [Test]
    public async Task Logout_answers_204_and_its_token_then_answers_invalid_token()
    {
        var (_, phone) = await Client.LoginAsync(_username);

        var logout = await Client.SendJsonAsync(HttpMethod.Post, ApiClient.LogoutPath, null, phone);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(logout.Status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(logout.Text, Is.Empty);
        }

        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, phone), HttpStatusCode.Unauthorized, "invalid token");
        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Get, ApiClient.MessagePath, null, phone), HttpStatusCode.Unauthorized, "invalid token");
        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Post, ApiClient.LogoutPath, null, phone), HttpStatusCode.Unauthorized, "invalid token");
    }

    [Test]
    public async Task Logout_deletes_the_push_tokens_of_that_session_only_and_the_other_session_keeps_working()
    {
        var (_, phone) = await Client.LoginAsync(_username);
        var (_, tablet) = await Client.LoginAsync(_username);
        var phoneRing = (await Client.CreateTokenAsync(ApiClient.RingPath, phone, ApiClient.NewPushToken()))["push_token"]!.GetValue<string>();
        var phoneMessage = (await Client.CreateTokenAsync(ApiClient.MessagePath, phone, ApiClient.NewPushToken()))["push_token"]!.GetValue<string>();
        var tabletRing = (await Client.CreateTokenAsync(ApiClient.RingPath, tablet, ApiClient.NewPushToken()))["push_token"]!.GetValue<string>();
        var tabletMessage = (await Client.CreateTokenAsync(ApiClient.MessagePath, tablet, ApiClient.NewPushToken()))["push_token"]!.GetValue<string>();

        var logout = await Client.SendJsonAsync(HttpMethod.Post, ApiClient.LogoutPath, null, phone);

        Assert.That(logout.Status, Is.EqualTo(HttpStatusCode.NoContent));
        var ring = await Client.ListPushTokensAsync(ApiClient.RingPath, tablet);
        var message = await Client.ListPushTokensAsync(ApiClient.MessagePath, tablet);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ring, Does.Not.Contain(phoneRing).And.Contain(tabletRing));
            Assert.That(message, Does.Not.Contain(phoneMessage).And.Contain(tabletMessage));
        }

        var post = await Client.PostTokenAsync(ApiClient.RingPath, tablet, ApiClient.NewPushToken());
        Assert.That(post.Status, Is.EqualTo(HttpStatusCode.Created), post.Text);
    }

    [Test]
    public async Task Push_token_refreshed_by_another_session_survives_logout_of_the_first()
    {
        var (_, phone) = await Client.LoginAsync(_username);
        var (_, tablet) = await Client.LoginAsync(_username);
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(ApiClient.RingPath, phone, pushToken);
        var refresh = await Client.PostTokenAsync(ApiClient.RingPath, tablet, pushToken);
        Assert.That(refresh.Status, Is.EqualTo(HttpStatusCode.Conflict), refresh.Text);

        await Client.SendJsonAsync(HttpMethod.Post, ApiClient.LogoutPath, null, phone);

        Assert.That(await Client.ListPushTokensAsync(ApiClient.RingPath, tablet), Does.Contain(pushToken));
    }

    [Test]
    public async Task Logout_with_authorization_bearer_ends_the_session()
    {
        var (_, phone) = await Client.LoginAsync(_username);

        var logout = await Client.CallAsync(ApiClient.Json(HttpMethod.Post, ApiClient.LogoutPath, null).WithBearer(phone));

        Assert.That(logout.Status, Is.EqualTo(HttpStatusCode.NoContent));
        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, phone), HttpStatusCode.Unauthorized, "invalid token");
    }

    [Test]
    public async Task Logout_without_a_token_is_no_token() =>
        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Post, ApiClient.LogoutPath, null), HttpStatusCode.Unauthorized, "no token");

    [Test]
    public async Task Logout_with_an_unknown_token_is_invalid_token() =>
        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Post, ApiClient.LogoutPath, null, "unknown-token"), HttpStatusCode.Unauthorized, "invalid token");
}
