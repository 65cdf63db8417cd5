using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.PushTokens;

/// <summary>POST, GET, PUT and DELETE of one kind of record (API.md section 3): fields, defaults, ownership, uniqueness.</summary>
[TestFixtureSource(typeof(TokenKinds), nameof(TokenKinds.Both))]
public sealed class PushTokenRecordTests(string path, string otherKindPath) : FunctionalTestBase
{
    private const string DefaultBundleId = "com.example.default";
    private const string OtherBundleId = "com.example.other";
    private static readonly DateTimeOffset Start = new(2031, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] RecordFields =
        ["id", "push_token", "language", "dev", "bundleid", "os", "os_token", "push_platform", "created_at", "updated_at"];

    private readonly FakeTimeProvider _clock = new(Start);
    private string _alice = null!;
    private string _bob = null!;

    [OneTimeSetUp]
    public async Task LogInAliceAndBob()
    {
        (_, _alice) = await Client.NewSessionAsync();
        (_, _bob) = await Client.NewSessionAsync();
    }

    protected override PushTokenApiFactory CreateOwnHost() => new(
        new Dictionary<string, string?>
        {
            ["PushTokens:DefaultBundleId"] = DefaultBundleId,
            ["PushTokens:AllowedBundleIds:0"] = DefaultBundleId,
            ["PushTokens:AllowedBundleIds:1"] = OtherBundleId,
        },
        clock: _clock);

    [Test]
    public async Task Post_returns_201_the_record_as_sent_and_its_location()
    {
        var pushToken = ApiClient.NewPushToken().ToUpperInvariant();

        var response = await Client.SendJsonAsync(
            HttpMethod.Post, path,
            $$"""{"push_token":"{{pushToken}}","language":"zh_Hans_CN","dev":1,"bundleid":"{{OtherBundleId}}","os":"Huawei","os_token":"IQAAAACy0kYkAABv:1","push_platform":"huawei"}""",
            _alice);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.Text);
        var record = response.Body!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Location, Is.EqualTo($"{path}/{response.Id}"));
            Assert.That(response.MediaType, Is.EqualTo("application/json"));
            Assert.That(record.AsObject().Select(p => p.Key), Is.EquivalentTo(RecordFields));
            Assert.That(response.Id, Is.Positive);
            Assert.That(record["push_token"]!.GetValue<string>(), Is.EqualTo(pushToken));
            Assert.That(record["language"]!.GetValue<string>(), Is.EqualTo("zh_Hans_CN"));
            Assert.That(record["dev"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(record["bundleid"]!.GetValue<string>(), Is.EqualTo(OtherBundleId));
            Assert.That(record["os"]!.GetValue<string>(), Is.EqualTo("Huawei"));
            Assert.That(record["os_token"]!.GetValue<string>(), Is.EqualTo("IQAAAACy0kYkAABv:1"));
            Assert.That(record["push_platform"]!.GetValue<string>(), Is.EqualTo("HUAWEI"));
            Assert.That(record.Time("created_at"), Is.EqualTo(_clock.GetUtcNow()));
            Assert.That(record.Time("updated_at"), Is.EqualTo(_clock.GetUtcNow()));
        }
    }

    [Test]
    public async Task Post_without_optional_fields_stores_the_defaults()
    {
        var record = await Client.CreateTokenAsync(path, _alice, ApiClient.NewPushToken());

        AssertDefaults(record);
    }

    [Test]
    public async Task Post_with_empty_or_null_optional_strings_stores_the_defaults()
    {
        var record = await Client.CreateTokenAsync(
            path, _alice, ApiClient.NewPushToken(), """ "dev":null,"bundleid":"","os":null,"os_token":"","push_platform":null """);

        AssertDefaults(record);
    }

    [Test]
    public async Task Post_ignores_unknown_fields()
    {
        var record = await Client.CreateTokenAsync(path, _alice, ApiClient.NewPushToken(), """ "userid":"42","kind":"message","extra":{"a":[1,2]} """);

        Assert.That(record.AsObject().Select(p => p.Key), Is.EquivalentTo(RecordFields));
    }

    [TestCase(64)]
    [TestCase(108)]
    [TestCase(160)]
    [TestCase(256)]
    public async Task Post_accepts_a_push_token_of_real_world_length(int length)
    {
        // Unique, of mixed case and with the punctuation FCM tokens carry.
        var pushToken = (ApiClient.NewPushToken() + new string('F', length))[..(length - 4)] + "a:B-";

        var record = await Client.CreateTokenAsync(path, _alice, pushToken);

        Assert.That(record["push_token"]!.GetValue<string>(), Is.EqualTo(pushToken));
    }

    [Test]
    public async Task Post_with_bundleid_outside_the_configured_list_is_bundleid_error()
    {
        var response = await Client.PostTokenAsync(path, _alice, ApiClient.NewPushToken(), """ "bundleid":"com.example.unknown" """);

        ApiAssert.IsError(response, HttpStatusCode.BadRequest, "bundleid error");
    }

    [Test]
    public async Task Post_of_a_token_the_caller_holds_is_409_with_its_id_and_refreshes_updated_at()
    {
        var pushToken = ApiClient.NewPushToken();
        var created = await Client.CreateTokenAsync(path, _alice, pushToken);
        var createdAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMinutes(5));

        var response = await Client.PostTokenAsync(path, _alice, pushToken);

        ApiAssert.IsError(response, HttpStatusCode.Conflict, "push_token exist");
        var stored = (await Client.ListAsync(path, _alice)).WithPushToken(pushToken);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Id, Is.EqualTo(created["id"]!.GetValue<long>()));
            Assert.That(stored!["id"]!.GetValue<long>(), Is.EqualTo(response.Id));
            Assert.That(stored.Time("created_at"), Is.EqualTo(createdAt));
            Assert.That(stored.Time("updated_at"), Is.EqualTo(_clock.GetUtcNow()));
        }
    }

    [Test]
    public async Task Post_of_the_same_token_with_another_bundleid_is_another_record()
    {
        var pushToken = ApiClient.NewPushToken();
        var first = await Client.CreateTokenAsync(path, _alice, pushToken);

        var second = await Client.PostTokenAsync(path, _alice, pushToken, $""" "bundleid":"{OtherBundleId}" """);

        Assert.That(second.Status, Is.EqualTo(HttpStatusCode.Created), second.Text);
        Assert.That(second.Id, Is.Not.EqualTo(first["id"]!.GetValue<long>()));
    }

    [Test]
    public async Task Post_of_the_same_token_in_the_other_kind_is_another_record()
    {
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(path, _alice, pushToken);

        var other = await Client.PostTokenAsync(otherKindPath, _alice, pushToken);

        Assert.That(other.Status, Is.EqualTo(HttpStatusCode.Created), other.Text);
        Assert.That((await Client.ListAsync(path, _alice)).WithPushToken(pushToken), Is.Not.Null);
    }

    [Test]
    public async Task Post_with_token_of_another_user_moves_it()
    {
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(path, _alice, pushToken);

        var response = await Client.PostTokenAsync(path, _bob, pushToken);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Client.ListPushTokensAsync(path, _alice), Does.Not.Contain(pushToken));
            Assert.That((await Client.ListAsync(path, _bob)).WithPushToken(pushToken)?["id"]?.GetValue<long>(), Is.EqualTo(response.Id));
        }
    }

    [Test]
    public async Task Get_returns_the_callers_records_ascending_id_or_an_empty_array()
    {
        var (_, carol) = await Client.NewSessionAsync();
        var empty = await Client.SendJsonAsync(HttpMethod.Get, path, null, carol);
        var created = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await Client.CreateTokenAsync(path, carol, ApiClient.NewPushToken()));
        }

        await Client.CreateTokenAsync(otherKindPath, carol, ApiClient.NewPushToken());
        await Client.CreateTokenAsync(path, _bob, ApiClient.NewPushToken());

        var list = await Client.SendJsonAsync(HttpMethod.Get, path, null, carol);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(empty.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(empty.Body, Is.InstanceOf<JsonArray>().And.Empty);
            Assert.That(list.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(list.MediaType, Is.EqualTo("application/json"));
            Assert.That(list.Array.Select(r => r!["id"]!.GetValue<long>()), Is.Ordered.Ascending);
            Assert.That(JsonNode.DeepEquals(list.Body, new JsonArray(created.Select(c => c.DeepClone()).ToArray())), Is.True, list.Text);
        }
    }

    [Test]
    public async Task Put_rewrites_the_record_and_refreshes_updated_at()
    {
        var created = await Client.CreateTokenAsync(path, _alice, ApiClient.NewPushToken());
        var id = created["id"]!.GetValue<long>();
        _clock.Advance(TimeSpan.FromMinutes(1));
        var newToken = ApiClient.NewPushToken();

        var response = await Client.SendJsonAsync(
            HttpMethod.Put, $"{path}/{id}",
            $$"""{"push_token":"{{newToken}}","language":"zh-CN","dev":1,"bundleid":"{{OtherBundleId}}","os":"Vivo","os_token":"v-1","push_platform":"vivo"}""",
            _alice);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        var expected = JsonNode.Parse($$"""
            {"id":{{id}},"push_token":"{{newToken}}","language":"zh-CN","dev":1,"bundleid":"{{OtherBundleId}}","os":"Vivo","os_token":"v-1",
             "push_platform":"VIVO","created_at":{{created["created_at"]!.ToJsonString()}},"updated_at":{{response.Body!["updated_at"]!.ToJsonString()}}}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonNode.DeepEquals(response.Body, expected), Is.True, response.Text);
            Assert.That(response.Body.Time("updated_at"), Is.EqualTo(_clock.GetUtcNow()));
            Assert.That(JsonNode.DeepEquals((await Client.ListAsync(path, _alice)).WithPushToken(newToken), response.Body), Is.True);
        }
    }

    [Test]
    public async Task Put_keeps_the_optional_fields_not_sent()
    {
        var created = await Client.CreateTokenAsync(
            path, _alice, ApiClient.NewPushToken(), $""" "dev":1,"bundleid":"{OtherBundleId}","os":"Honor","os_token":"h-1","push_platform":"HONOR" """);
        var newToken = ApiClient.NewPushToken();

        var response = await Client.SendJsonAsync(
            HttpMethod.Put, $"{path}/{created["id"]}", $$"""{"push_token":"{{newToken}}","language":"fr","os":"","push_platform":null}""", _alice);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Body!["push_token"]!.GetValue<string>(), Is.EqualTo(newToken));
            Assert.That(response.Body["language"]!.GetValue<string>(), Is.EqualTo("fr"));
            Assert.That(response.Body["dev"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(response.Body["bundleid"]!.GetValue<string>(), Is.EqualTo(OtherBundleId));
            Assert.That(response.Body["os"]!.GetValue<string>(), Is.EqualTo("Honor"));
            Assert.That(response.Body["os_token"]!.GetValue<string>(), Is.EqualTo("h-1"));
            Assert.That(response.Body["push_platform"]!.GetValue<string>(), Is.EqualTo("HONOR"));
        }
    }

    [Test]
    public async Task Put_keeping_its_own_token_is_not_a_conflict()
    {
        var pushToken = ApiClient.NewPushToken();
        var created = await Client.CreateTokenAsync(path, _alice, pushToken);

        var response = await Client.SendJsonAsync(
            HttpMethod.Put, $"{path}/{created["id"]}", $$"""{"push_token":"{{pushToken}}","language":"de"}""", _alice);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        Assert.That(response.Body!["language"]!.GetValue<string>(), Is.EqualTo("de"));
    }

    [Test]
    public async Task Put_to_a_token_another_record_of_the_caller_holds_is_409_with_that_id()
    {
        var held = ApiClient.NewPushToken();
        var holder = await Client.CreateTokenAsync(path, _alice, held);
        var ownToken = ApiClient.NewPushToken();
        var other = await Client.CreateTokenAsync(path, _alice, ownToken);

        var response = await Client.PutTokenAsync(path, other["id"]!.GetValue<long>(), _alice, held);

        ApiAssert.IsError(response, HttpStatusCode.Conflict, "push_token exist");
        var list = await Client.ListAsync(path, _alice);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Id, Is.EqualTo(holder["id"]!.GetValue<long>()));
            Assert.That(JsonNode.DeepEquals(list.WithPushToken(ownToken), other), Is.True, "the record PUT to is unchanged");
            Assert.That(JsonNode.DeepEquals(list.WithPushToken(held), holder), Is.True, "the holder is unchanged");
        }
    }

    [Test]
    public async Task Put_with_token_of_another_user_moves_it()
    {
        var pushToken = ApiClient.NewPushToken();
        await Client.CreateTokenAsync(path, _alice, pushToken);
        var bobs = await Client.CreateTokenAsync(path, _bob, ApiClient.NewPushToken());

        var response = await Client.PutTokenAsync(path, bobs["id"]!.GetValue<long>(), _bob, pushToken);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Client.ListPushTokensAsync(path, _alice), Does.Not.Contain(pushToken));
            Assert.That((await Client.ListAsync(path, _bob)).WithPushToken(pushToken)?["id"]?.GetValue<long>(), Is.EqualTo(bobs["id"]!.GetValue<long>()));
        }
    }

    [Test]
    public async Task Put_to_another_users_record_is_404_and_leaves_it_alone()
    {
        var pushToken = ApiClient.NewPushToken();
        var alices = await Client.CreateTokenAsync(path, _alice, pushToken);

        var response = await Client.PutTokenAsync(path, alices["id"]!.GetValue<long>(), _bob, ApiClient.NewPushToken());

        ApiAssert.IsError(response, HttpStatusCode.NotFound, "no data error");
        Assert.That(JsonNode.DeepEquals((await Client.ListAsync(path, _alice)).WithPushToken(pushToken), alices), Is.True);
    }

    [Test]
    public async Task Delete_of_another_users_record_is_404_and_leaves_it_alone()
    {
        var pushToken = ApiClient.NewPushToken();
        var alices = await Client.CreateTokenAsync(path, _alice, pushToken);

        var response = await Client.SendJsonAsync(HttpMethod.Delete, $"{path}/{alices["id"]}", null, _bob);

        ApiAssert.IsError(response, HttpStatusCode.NotFound, "no data error");
        Assert.That(await Client.ListPushTokensAsync(path, _alice), Does.Contain(pushToken));
    }

    [Test]
    public async Task Put_and_delete_of_the_other_kinds_id_are_404()
    {
        var pushToken = ApiClient.NewPushToken();
        var otherKinds = await Client.CreateTokenAsync(otherKindPath, _alice, pushToken);
        var id = otherKinds["id"]!.GetValue<long>();

        var put = await Client.PutTokenAsync(path, id, _alice, ApiClient.NewPushToken());
        var delete = await Client.SendJsonAsync(HttpMethod.Delete, $"{path}/{id}", null, _alice);

        ApiAssert.IsError(put, HttpStatusCode.NotFound, "no data error");
        ApiAssert.IsError(delete, HttpStatusCode.NotFound, "no data error");
        Assert.That(JsonNode.DeepEquals((await Client.ListAsync(otherKindPath, _alice)).WithPushToken(pushToken), otherKinds), Is.True);
    }

    [Test]
    public async Task Put_and_delete_of_an_id_that_does_not_exist_are_404()
    {
        var put = await Client.PutTokenAsync(path, 987654321, _alice, ApiClient.NewPushToken());
        var delete = await Client.SendJsonAsync(HttpMethod.Delete, $"{path}/987654321", null, _alice);

        ApiAssert.IsError(put, HttpStatusCode.NotFound, "no data error");
        ApiAssert.IsError(delete, HttpStatusCode.NotFound, "no data error");
    }

    [Test]
    public async Task Delete_answers_204_and_removes_the_record()
    {
        var pushToken = ApiClient.NewPushToken();
        var created = await Client.CreateTokenAsync(path, _alice, pushToken);

        var delete = await Client.SendJsonAsync(HttpMethod.Delete, $"{path}/{created["id"]}", null, _alice);
        var again = await Client.SendJsonAsync(HttpMethod.Delete, $"{path}/{created["id"]}", null, _alice);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(delete.Status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(delete.Text, Is.Empty);
            Assert.That(await Client.ListPushTokensAsync(path, _alice), Does.Not.Contain(pushToken));
        }

        ApiAssert.IsError(again, HttpStatusCode.NotFound, "no data error");
    }

    [Test]
    public async Task Concurrent_identical_posts_leave_exactly_one_record()
    {
        var pushToken = ApiClient.NewPushToken();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Client.PostTokenAsync(path, _alice, pushToken)));

        var created = responses.Where(r => r.Status == HttpStatusCode.Created).ToList();
        var conflicts = responses.Where(r => r.Status == HttpStatusCode.Conflict).ToList();
        var list = await Client.ListAsync(path, _alice);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created, Has.Count.EqualTo(1), string.Join("\n", responses.Select(r => $"{r.Status} {r.Text}")));
            Assert.That(conflicts, Has.Count.EqualTo(15));
            Assert.That(conflicts.Select(r => r.Body.Error()), Is.All.EqualTo("push_token exist"));
            Assert.That(conflicts.Select(r => r.Id), Is.All.EqualTo(created.Single().Id));
            Assert.That(list.Count(r => r!["push_token"]!.GetValue<string>() == pushToken), Is.EqualTo(1));
        }
    }

    private static void AssertDefaults(JsonNode record)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record["dev"]!.GetValue<int>(), Is.Zero);
            Assert.That(record["bundleid"]!.GetValue<string>(), Is.EqualTo(DefaultBundleId));
            Assert.That(record["os"]!.GetValue<string>(), Is.Empty);
            Assert.That(record["os_token"]!.GetValue<string>(), Is.Empty);
            Assert.That(record["push_platform"]!.GetValue<string>(), Is.Empty);
        }
    }
}
