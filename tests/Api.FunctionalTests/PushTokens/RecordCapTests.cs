using System.Net;
using Microsoft.Extensions.Time.Testing;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.PushTokens;

/// <summary>
/// A user holds at most <c>PushTokens:MaxRecordsPerKind</c> records per kind (3 here); one more evicts that user's
/// least recently updated record of that kind (API.md section 3). The fake clock gives each write its own time.
/// </summary>
[TestFixtureSource(typeof(TokenKinds), nameof(TokenKinds.Both))]
public sealed class RecordCapTests(string path, string otherKindPath) : FunctionalTestBase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 5, 4, 10, 0, 0, TimeSpan.Zero));
    private string _token = null!;
    private string _other = null!;

    [OneTimeSetUp]
    public async Task LogInTwoUsers()
    {
        (_, _token) = await Client.NewSessionAsync();
        (_, _other) = await Client.NewSessionAsync();
    }

    /// <summary>Each test starts from users without records.</summary>
    [SetUp]
    public async Task DeleteAllRecords()
    {
        foreach (var token in new[] { _token, _other })
        {
            foreach (var kindPath in new[] { path, otherKindPath })
            {
                foreach (var record in await Client.ListAsync(kindPath, token))
                {
                    var delete = await Client.SendJsonAsync(HttpMethod.Delete, $"{kindPath}/{record!["id"]}", null, token);
                    Assert.That(delete.Status, Is.EqualTo(HttpStatusCode.NoContent));
                }
            }
        }
    }

    protected override PushTokenApiFactory CreateOwnHost() =>
        new(new Dictionary<string, string?> { ["PushTokens:MaxRecordsPerKind"] = "3" }, clock: _clock);

    [Test]
    public async Task Post_beyond_the_cap_evicts_the_least_recently_updated_record()
    {
        var token = _token;
        var tokens = await CreateThree(token);
        var fourth = ApiClient.NewPushToken();

        var response = await Client.PostTokenAsync(path, token, fourth);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.Text);
        Assert.That(await Client.ListPushTokensAsync(path, token), Is.EqualTo(new[] { tokens[1], tokens[2], fourth }));
    }

    [Test]
    public async Task Record_refreshed_by_a_repeated_post_is_not_the_one_evicted()
    {
        var token = _token;
        var tokens = await CreateThree(token);
        var refresh = await Client.PostTokenAsync(path, token, tokens[0]);
        Assert.That(refresh.Status, Is.EqualTo(HttpStatusCode.Conflict), refresh.Text);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var fourth = ApiClient.NewPushToken();

        await Client.CreateTokenAsync(path, token, fourth);

        Assert.That(await Client.ListPushTokensAsync(path, token), Is.EqualTo(new[] { tokens[0], tokens[2], fourth }));
    }

    [Test]
    public async Task Record_rewritten_by_put_is_not_the_one_evicted()
    {
        var token = _token;
        var tokens = await CreateThree(token);
        var first = (await Client.ListAsync(path, token))[0]!["id"]!.GetValue<long>();
        var put = await Client.SendJsonAsync(HttpMethod.Put, $"{path}/{first}", $$"""{"push_token":"{{tokens[0]}}","language":"fr"}""", token);
        Assert.That(put.Status, Is.EqualTo(HttpStatusCode.OK), put.Text);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var fourth = ApiClient.NewPushToken();

        await Client.CreateTokenAsync(path, token, fourth);

        Assert.That(await Client.ListPushTokensAsync(path, token), Is.EqualTo(new[] { tokens[0], tokens[2], fourth }));
    }

    [Test]
    public async Task Concurrent_posts_never_leave_more_than_the_cap()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Client.PostTokenAsync(path, _token, ApiClient.NewPushToken())));

        Assert.That(responses.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.Created));
        Assert.That(await Client.ListAsync(path, _token), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Cap_counts_each_kind_and_each_user_on_its_own()
    {
        var (token, other) = (_token, _other);
        var otherKind = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            otherKind.Add((await Client.CreateTokenAsync(otherKindPath, token, ApiClient.NewPushToken()))["push_token"]!.GetValue<string>());
        }

        var othersTokens = await CreateThree(other);
        var mine = await CreateThree(token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Client.ListPushTokensAsync(path, token), Is.EqualTo(mine));
            Assert.That(await Client.ListPushTokensAsync(otherKindPath, token), Is.EqualTo(otherKind));
            Assert.That(await Client.ListPushTokensAsync(path, other), Is.EqualTo(othersTokens));
        }
    }

    /// <summary>Three records, one second apart, as the clock sees them.</summary>
    private async Task<string[]> CreateThree(string token)
    {
        var tokens = new string[3];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = ApiClient.NewPushToken();
            await Client.CreateTokenAsync(path, token, tokens[i]);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        return tokens;
    }
}
