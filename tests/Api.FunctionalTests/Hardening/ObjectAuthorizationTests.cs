using System.Net;
using System.Security.Cryptography;
using System.Text;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>
/// Broken object-level authorization, token theft and injection: a session reaches only its user's records, whatever
/// id it names; session tokens are stored only as hashes and die at logout; SQL metacharacters are data.
/// </summary>
public sealed class ObjectAuthorizationTests : FunctionalTestBase
{
    [Test]
    public async Task Another_users_record_cannot_be_changed_or_deleted_by_its_id_and_answers_like_a_missing_one()
    {
        var (_, victim) = await Client.NewSessionAsync();
        var (_, attacker) = await Client.NewSessionAsync();
        var (_, created) = await Client.SendJsonAsync(HttpMethod.Post, ApiClient.RingPath, """{"push_token":"victim-token","language":"en"}""", victim);
        var id = created!["id"]!.GetValue<long>();

        var put = await Client.SendJsonAsync(HttpMethod.Put, $"{ApiClient.RingPath}/{id}", """{"push_token":"attacker-token","language":"en"}""", attacker);
        var delete = await Client.SendJsonAsync(HttpMethod.Delete, $"{ApiClient.RingPath}/{id}", null, attacker);
        var otherKind = await Client.SendJsonAsync(HttpMethod.Delete, $"{ApiClient.MessagePath}/{id}", null, victim);
        var missing = await Client.SendJsonAsync(HttpMethod.Delete, $"{ApiClient.RingPath}/{id + 1_000_000}", null, attacker);
        var (_, attackersList) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, attacker);
        var (_, victimsList) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, victim);

        Assert.Multiple(() =>
        {
            Assert.That((put.Status, put.Body.Error()), Is.EqualTo((HttpStatusCode.NotFound, "no data error")));
            Assert.That((delete.Status, delete.Body.Error()), Is.EqualTo((HttpStatusCode.NotFound, "no data error")));
            Assert.That((otherKind.Status, otherKind.Body.Error()), Is.EqualTo((HttpStatusCode.NotFound, "no data error")), "an id of the other kind");
            Assert.That((missing.Status, missing.Body.Error()), Is.EqualTo((delete.Status, delete.Body.Error())), "someone else's id looks like no id at all");
            Assert.That(attackersList!.AsArray(), Is.Empty);
            Assert.That(victimsList!.AsArray().Select(record => record!["push_token"]!.GetValue<string>()), Is.EqualTo(new[] { "victim-token" }));
        });
    }

    [Test]
    public async Task Session_tokens_are_stored_only_as_their_SHA256_and_die_at_logout()
    {
        var (_, token) = await Client.NewSessionAsync();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        bool stored;
        using (var connection = Factory.OpenDatabase())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COUNT(*) FROM sessions WHERE token_hash = $hash";
            command.Parameters.AddWithValue("$hash", hash);
            stored = (long)command.ExecuteScalar()! == 1;
        }

        var logout = await Client.SendJsonAsync(HttpMethod.Post, "/v1/api/user/logout", null, token);
        var after = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token);

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.True, "the hash is stored");
            Assert.That(File.ReadAllText(Factory.DatabasePath, Encoding.Latin1) + ReadWal(), Does.Not.Contain(token), "the token itself is not");
            Assert.That(token.Length, Is.GreaterThanOrEqualTo(22), "at least 128 bits of base64url");
            Assert.That(logout.Status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That((after.Status, after.Body.Error()), Is.EqualTo((HttpStatusCode.Unauthorized, "invalid token")));
        });
    }

    [TestCase("a'b\"c;--")]
    [TestCase("'OR'1'='1")]
    [TestCase("x');DROP_TABLE_push_tokens;--")]
    [TestCase("%27%20OR%201=1")]
    public async Task Sql_metacharacters_in_a_push_token_are_stored_and_returned_as_sent(string pushToken)
    {
        var (_, token) = await Client.NewSessionAsync();
        var body = System.Text.Json.JsonSerializer.Serialize(new { push_token = pushToken, language = "en" });
        var (status, created) = await Client.SendJsonAsync(HttpMethod.Post, ApiClient.RingPath, body, token);
        var (_, list) = await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, token);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(created!["push_token"]!.GetValue<string>(), Is.EqualTo(pushToken));
            Assert.That(list!.AsArray().Select(record => record!["push_token"]!.GetValue<string>()), Is.EqualTo(new[] { pushToken }));
        });
    }

    private string ReadWal()
    {
        var wal = Factory.DatabasePath + "-wal";
        if (!File.Exists(wal))
        {
            return "";
        }

        using var stream = new FileStream(wal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return reader.ReadToEnd();
    }
}
