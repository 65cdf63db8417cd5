using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.PushTokens;

/// <summary>
/// On SQLite a user's list is kept in memory (PushTokens:ListCacheSeconds): every write that changes it, whoever makes it,
/// is in the next GET. Each test reads the list first, so that the read after the write would be the kept one.
/// </summary>
public sealed class ListReadAfterWriteTests : FunctionalTestBase
{
    [Test]
    public async Task A_post_is_in_the_list_read_right_after_it()
    {
        var (_, token) = await Client.NewSessionAsync();
        var first = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(ApiClient.RingPath, token, first);
        Assert.That(await Client.ListPushTokensAsync(ApiClient.RingPath, token), Is.EqualTo(new[] { first }));

        var second = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(ApiClient.RingPath, token, second);

        Assert.That(await Client.ListPushTokensAsync(ApiClient.RingPath, token), Is.EqualTo(new[] { first, second }));
    }

    [Test]
    public async Task A_put_is_in_the_list_read_right_after_it()
    {
        var (_, token) = await Client.NewSessionAsync();
        var record = await Client.CreateTokenAsync(ApiClient.MessagePath, token, ApiClient.NewPushToken());
        await Client.ListAsync(ApiClient.MessagePath, token);

        var replaced = ApiClient.NewPushToken();
        var put = await Client.PutTokenAsync(ApiClient.MessagePath, record["id"]!.GetValue<long>(), token, replaced, "\"dev\":1");

        var list = await Client.ListAsync(ApiClient.MessagePath, token);
        Assert.Multiple(() =>
        {
            Assert.That(put.Status, Is.EqualTo(HttpStatusCode.OK), put.Text);
            Assert.That(list.Select(r => r!["push_token"]!.GetValue<string>()), Is.EqualTo(new[] { replaced }));
            Assert.That(list[0]!["dev"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_delete_is_gone_from_the_list_read_right_after_it()
    {
        var (_, token) = await Client.NewSessionAsync();
        var record = await Client.CreateTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken());
        Assert.That(await Client.ListAsync(ApiClient.RingPath, token), Has.Count.EqualTo(1));

        var delete = await Client.SendJsonAsync(HttpMethod.Delete, $"{ApiClient.RingPath}/{record["id"]}", null, token);

        Assert.That(delete.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await Client.ListAsync(ApiClient.RingPath, token), Is.Empty);
    }

    [Test]
    public async Task A_token_another_user_posts_leaves_the_first_users_list_at_once()
    {
        var (_, owner) = await Client.NewSessionAsync();
        var (_, newOwner) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(ApiClient.RingPath, owner, pushToken);
        Assert.That(await Client.ListPushTokensAsync(ApiClient.RingPath, owner), Is.EqualTo(new[] { pushToken }));

        await Client.CreateTokenAsync(ApiClient.RingPath, newOwner, pushToken);

        Assert.That(await Client.ListAsync(ApiClient.RingPath, owner), Is.Empty);
        Assert.That(await Client.ListPushTokensAsync(ApiClient.RingPath, newOwner), Is.EqualTo(new[] { pushToken }));
    }

    [Test]
    public async Task A_token_another_user_puts_on_a_record_leaves_the_first_users_list_at_once()
    {
        var (_, owner) = await Client.NewSessionAsync();
        var (_, newOwner) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(ApiClient.RingPath, owner, pushToken);
        var other = await Client.CreateTokenAsync(ApiClient.RingPath, newOwner, ApiClient.NewPushToken());
        Assert.That(await Client.ListPushTokensAsync(ApiClient.RingPath, owner), Is.EqualTo(new[] { pushToken }));

        var put = await Client.PutTokenAsync(ApiClient.RingPath, other["id"]!.GetValue<long>(), newOwner, pushToken);

        Assert.That(put.Status, Is.EqualTo(HttpStatusCode.OK), put.Text);
        Assert.That(await Client.ListAsync(ApiClient.RingPath, owner), Is.Empty);
    }

    [Test]
    public async Task Logout_of_the_session_that_wrote_a_record_takes_it_from_the_list_of_the_users_other_session_at_once()
    {
        var username = ApiClient.NewUsername();
        var (_, phone) = await Client.NewSessionAsync(username);
        var (_, tablet) = await Client.LoginAsync(username);
        await Client.CreateTokenAsync(ApiClient.RingPath, phone, ApiClient.NewPushToken());
        Assert.That(await Client.ListAsync(ApiClient.RingPath, tablet), Has.Count.EqualTo(1));

        var logout = await Client.SendJsonAsync(HttpMethod.Post, ApiClient.LogoutPath, null, phone);

        Assert.That(logout.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await Client.ListAsync(ApiClient.RingPath, tablet), Is.Empty);
    }

    [Test]
    public async Task An_internal_invalidation_takes_the_record_from_the_users_list_at_once()
    {
        var (_, token) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(ApiClient.RingPath, token, pushToken);
        Assert.That(await Client.ListAsync(ApiClient.RingPath, token), Has.Count.EqualTo(1));

        var (status, body) = await Client.AdminAsync(HttpMethod.Post, AdminApi.InvalidatePath, $$"""{"kind":"ring","push_token":"{{pushToken}}"}""");

        Assert.That((status, body!.ToJsonString()), Is.EqualTo((HttpStatusCode.OK, """{"deleted":1}""")));
        Assert.That(await Client.ListAsync(ApiClient.RingPath, token), Is.Empty);
    }
}
