using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>GET /v1/api/admin/users/{user_id}/tokens.</summary>
public sealed class UserTokensTests : FunctionalTestBase
{
    [Test]
    public async Task User_tokens_are_both_kinds_exactly_as_the_user_api_returns_them()
    {
        var (userId, token) = await Client.NewSessionAsync();
        await Client.CreateTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken());
        await Client.CreateTokenAsync(ApiClient.RingPath, token, ApiClient.NewPushToken(), """ "dev":1,"os":"Huawei P60","os_token":"hms-1","push_platform":"huawei" """);
        await Client.CreateTokenAsync(ApiClient.MessagePath, token, ApiClient.NewPushToken(), """ "bundleid":"com.lancens.other" """);
        var (_, ownRing) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token);
        var (_, ownMessage) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.MessagePath, null, token);

        var (status, body) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!["ring"]!.ToJsonString(), Is.EqualTo(ownRing!.ToJsonString()));
            Assert.That(body["message"]!.ToJsonString(), Is.EqualTo(ownMessage!.ToJsonString()));
            Assert.That(body["ring"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(body["message"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task User_tokens_of_a_user_without_records_are_two_empty_arrays()
    {
        var (userId, _) = await Client.NewSessionAsync();

        var (status, body) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"ring":[],"message":[]}"""));
        });
    }

    [Test]
    public async Task User_tokens_of_an_unknown_user_are_two_empty_arrays()
    {
        var (status, body) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(long.MaxValue));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"ring":[],"message":[]}"""));
        });
    }

    [TestCase("abc")]
    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("1.5")]
    [TestCase("1e3")]
    [TestCase("99999999999999999999")]
    public async Task User_tokens_with_a_user_id_that_is_not_a_positive_integer_is_400_user_id_format_error(string userId)
    {
        var (status, body) = await Client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.Error(), Is.EqualTo("user_id format error"));
        });
    }
}
