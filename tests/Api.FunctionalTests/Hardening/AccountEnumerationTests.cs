using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Api.FunctionalTests.Hardening.Support;
using PushTokenService.Api.FunctionalTests.Support;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Infrastructure.Security;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>API.md section 2: an unknown user name and a wrong password look the same from outside, in answer and in work.</summary>
public sealed class AccountEnumerationTests
{
    private CountingPasswordHasher _hasher = null!;
    private HardeningFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        _hasher = new CountingPasswordHasher(new IdentityPasswordHasher());
        _factory = new HardeningFactory { TestServices = services => services.AddSingleton<IPasswordHasher>(_hasher) };
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Login_of_an_unknown_user_and_with_a_wrong_password_answer_the_same_status_and_body()
    {
        var username = Phones.NewUsername();
        (await _client.RegisterFromAsync(username, Phones.NewAddress())).Dispose();

        var (wrongStatus, wrongBody, wrongResponse) = await _client.LoginFromAsync(username, "wrong-password", Phones.NewAddress());
        var (unknownStatus, unknownBody, unknownResponse) = await _client.LoginFromAsync(Phones.NewUsername(), "wrong-password", Phones.NewAddress());
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
        var username = Phones.NewUsername();
        (await _client.RegisterFromAsync(username, Phones.NewAddress())).Dispose();

        _hasher.Reset();
        (await _client.LoginFromAsync(username, "wrong-password", Phones.NewAddress())).Response.Dispose();
        var wrongPassword = (_hasher.Verifications, _hasher.DummyVerifications);

        _hasher.Reset();
        (await _client.LoginFromAsync(Phones.NewUsername(), "wrong-password", Phones.NewAddress())).Response.Dispose();
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
