using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>The body reader keeps the items of integer arrays for user_ids; a user field sent as one is still its format error.</summary>
public sealed class IntegerArrayFieldTests : FunctionalTestBase
{
    [TestCase("""{"push_token":[1,2],"language":"en"}""", "push_token format error")]
    [TestCase("""{"push_token":"abc","language":"en","dev":[1]}""", "dev format error")]
    [TestCase("""{"push_token":"abc","language":"en","os":[]}""", "os format error")]
    public async Task A_user_field_sent_as_an_array_of_integers_is_still_its_format_error(string json, string error)
    {
        var (_, token) = await Client.NewSessionAsync();

        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, ApiClient.RingPath, json, token);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.Error(), Is.EqualTo(error));
        });
    }

    [Test]
    public async Task An_array_nested_deeply_before_user_ids_is_skipped_whole()
    {
        var (status, body) = await Client.AdminAsync(
            HttpMethod.Post, AdminApi.LookupPath, """{"extra":[[1,[2,{"a":[3]}]],4],"kind":"ring","user_ids":[987654321]}""");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo("""{"tokens":[]}"""));
        });
    }
}
