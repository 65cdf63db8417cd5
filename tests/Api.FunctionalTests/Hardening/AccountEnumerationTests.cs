using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Api.FunctionalTests.Support;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Infrastructure.Security;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>API.md section 2: an unknown user name and a wrong password look the same from outside, in answer and in work.</summary>
public sealed class AccountEnumerationTests : FunctionalTestBase
{
    private readonly CountingPasswordHasher _hasher = new(new IdentityPasswordHasher());

    protected override PushTokenApiFactory CreateOwnHost() => new(services: services => services.AddSingleton<IPasswordHasher>(_hasher));

    [Test]
    public async Task Login_of_an_unknown_user_and_with_a_wrong_password_answer_the_same_status_and_body()
    {
        var username = ApiClient.NewUsername();
        (await Client.RegisterFromAsync(username, Phones.NewAddress())).Dispose();

        var (wrongStatus, wrongBody, wrongResponse) = await Client.LoginFromAsync(username, "wrong-password", Phones.NewAddress());
        var (unknownStatus, unknownBody, unknownResponse) = await Client.LoginFromAsync(ApiClient.NewUsername(), "wrong-password", Phones.NewAddress());
        using (wrongResponse)
        using (unknownResponse)
        {
            Assert.Multiple(() =>
            {
                Assert.That(wrongStatus, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That(unknownStatus, Is.EqualTo(wrongStatus));
                Assert.That(WithoutTraceId(unknownBody), Is.EqualTo(WithoutTraceId(wrongBody)));
                Assert.That(wrongBody.Error(), Is.EqualTo("username or password error"));
                Assert.That(unknownResponse.Content.Headers.ContentType, Is.EqualTo(wrongResponse.Content.Headers.ContentType));
            });
        }
    }

    [Test]
    public async Task Login_of_an_unknown_user_runs_one_password_verification_like_a_wrong_password()
    {
        var username = ApiClient.NewUsername();
        (await Client.RegisterFromAsync(username, Phones.NewAddress())).Dispose();

        _hasher.Reset();
        (await Client.LoginFromAsync(username, "wrong-password", Phones.NewAddress())).Response.Dispose();
        var wrongPassword = (_hasher.Verifications, _hasher.DummyVerifications);

        _hasher.Reset();
        (await Client.LoginFromAsync(ApiClient.NewUsername(), "wrong-password", Phones.NewAddress())).Response.Dispose();
        var unknownUser = (_hasher.Verifications, _hasher.DummyVerifications);

        Assert.Multiple(() =>
        {
            Assert.That(wrongPassword, Is.EqualTo((1, 0)), "a wrong password verifies against the stored hash once");
            Assert.That(unknownUser, Is.EqualTo((0, 1)), "an unknown user verifies against the dummy hash once");
        });
    }

    private static string WithoutTraceId(JsonNode? body)
    {
        var copy = body!.DeepClone().AsObject();
        copy.Remove("traceId");
        return copy.ToJsonString();
    }
}
