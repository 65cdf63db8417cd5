using System.Net;
using Microsoft.Extensions.Time.Testing;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Accounts;

/// <summary>Sessions live <c>Sessions:LifetimeDays</c> (2 here), then answer <c>invalid token</c> (API.md section 2).</summary>
public sealed class SessionExpiryTests : FunctionalTestBase
{
    private const int LifetimeDays = 2;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 5, 4, 10, 0, 0, TimeSpan.Zero));
    private string _username = null!;

    [OneTimeSetUp]
    public async Task RegisterUser()
    {
        _username = ApiClient.NewUsername();
        await Client.NewSessionAsync(_username);
    }

    protected override PushTokenApiFactory CreateOwnHost() =>
        new(new Dictionary<string, string?> { ["Sessions:LifetimeDays"] = $"{LifetimeDays}" }, clock: _clock);

    [Test]
    public async Task Session_works_until_its_lifetime_ends_then_answers_invalid_token()
    {
        var login = await Client.SendJsonAsync(HttpMethod.Post, ApiClient.LoginPath, $$"""{"username":"{{_username}}","password":"{{ApiClient.Password}}"}""");
        var token = login.Body!["token"]!.GetValue<string>();

        _clock.Advance(TimeSpan.FromDays(LifetimeDays) - TimeSpan.FromMilliseconds(1));
        var lastMoment = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(login.Body.Time("expires_at"), Is.EqualTo(_clock.GetUtcNow()));
            Assert.That(lastMoment.Status, Is.EqualTo(HttpStatusCode.OK), lastMoment.Text);
        }

        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token), HttpStatusCode.Unauthorized, "invalid token");
        ApiAssert.IsError(await Client.PostTokenAsync(ApiClient.MessagePath, token, ApiClient.NewPushToken()), HttpStatusCode.Unauthorized, "invalid token");
        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Post, ApiClient.LogoutPath, null, token), HttpStatusCode.Unauthorized, "invalid token");
    }

    [Test]
    public async Task A_new_login_after_expiry_opens_a_live_session()
    {
        var (_, old) = await Client.LoginAsync(_username);
        _clock.Advance(TimeSpan.FromDays(LifetimeDays + 1));

        var (_, fresh) = await Client.LoginAsync(_username);

        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, old), HttpStatusCode.Unauthorized, "invalid token");
        Assert.That((await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, fresh)).Status, Is.EqualTo(HttpStatusCode.OK));
    }
}
