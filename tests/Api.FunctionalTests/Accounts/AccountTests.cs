using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Time.Testing;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Accounts;

/// <summary>Register and login (API.md section 2), and how accounts and sessions are stored.</summary>
public sealed partial class AccountTests : FunctionalTestBase
{
    private static readonly DateTimeOffset Start = new(2031, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private string _alice = null!;
    private long _aliceId;

    public static IEnumerable<TestCaseData> CredentialErrors()
    {
        yield return new TestCaseData("""{}""", "undefined username");
        yield return new TestCaseData("""{"username":null,"password":"password1"}""", "undefined username");
        yield return new TestCaseData("""{"username":13800138000,"password":"password1"}""", "username format error");
        yield return new TestCaseData("""{"username":"ab","password":"password1"}""", "username length error");
        yield return new TestCaseData($$"""{"username":"{{new string('u', 65)}}","password":"password1"}""", "username length error");
        yield return new TestCaseData("""{"username":"alice smith","password":"password1"}""", "username error");
        yield return new TestCaseData("""{"username":"alice"}""", "undefined password");
        yield return new TestCaseData("""{"username":"alice","password":12345678}""", "password format error");
        yield return new TestCaseData("""{"username":"alice","password":"1234567"}""", "password length error");
        yield return new TestCaseData($$"""{"username":"alice","password":"{{new string('p', 129)}}"}""", "password length error");
        yield return new TestCaseData("""{"password":"x","username":"a b"}""", "username error").SetName("{m}_username_before_password");
    }

    [OneTimeSetUp]
    public async Task RegisterAlice()
    {
        _alice = $"Alice_{Guid.NewGuid():N}"[..20];
        (_aliceId, _) = await Client.NewSessionAsync(_alice);
    }

    protected override PushTokenApiFactory CreateOwnHost() => new(clock: _clock);

    [TestCase("+8613800138000")]
    [TestCase("bob.smith@example.com")]
    public async Task Register_answers_201_with_id_and_username(string username)
    {
        var response = await Client.SendJsonAsync(HttpMethod.Post, ApiClient.RegisterPath, $$"""{"username":"{{username}}","password":"{{ApiClient.Password}}"}""");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.MediaType, Is.EqualTo("application/json"));
            Assert.That(response.Body!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "id", "username" }));
            Assert.That(response.Id, Is.Positive.And.Not.EqualTo(_aliceId));
            Assert.That(response.Body["username"]!.GetValue<string>(), Is.EqualTo(username));
        }
    }

    [Test]
    public async Task Register_of_a_taken_name_in_any_case_is_409_username_exist()
    {
        var same = await Register(_alice);
        var otherCase = await Register(_alice.ToUpperInvariant());

        ApiAssert.IsError(same, HttpStatusCode.Conflict, "username exist");
        ApiAssert.IsError(otherCase, HttpStatusCode.Conflict, "username exist");
    }

    [TestCaseSource(nameof(CredentialErrors))]
    public async Task Register_with_a_bad_field_is_400_with_its_error_string(string json, string error) =>
        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Post, ApiClient.RegisterPath, json), HttpStatusCode.BadRequest, error);

    [TestCaseSource(nameof(CredentialErrors))]
    public async Task Login_with_a_bad_field_is_400_with_its_error_string(string json, string error) =>
        ApiAssert.IsError(await Client.SendJsonAsync(HttpMethod.Post, ApiClient.LoginPath, json), HttpStatusCode.BadRequest, error);

    [Test]
    public async Task Login_answers_200_with_id_token_and_expires_at()
    {
        var response = await Login(_alice, ApiClient.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.MediaType, Is.EqualTo("application/json"));
            Assert.That(response.Body!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "id", "token", "expires_at" }));
            Assert.That(response.Id, Is.EqualTo(_aliceId));
            Assert.That(response.Body["token"]!.GetValue<string>(), Does.Match(UrlSafeToken()));
            Assert.That(response.Body.Time("expires_at"), Is.EqualTo(_clock.GetUtcNow().AddDays(30)));
        }
    }

    [Test]
    public async Task Every_login_opens_a_new_session_and_both_work()
    {
        var first = await Login(_alice, ApiClient.Password);
        var second = await Login(_alice, ApiClient.Password);
        var firstToken = first.Body!["token"]!.GetValue<string>();
        var secondToken = second.Body!["token"]!.GetValue<string>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(firstToken, Is.Not.EqualTo(secondToken));
            Assert.That((await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, firstToken)).Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await Client.SendJsonAsync(HttpMethod.Get, ApiClient.RingPath, null, secondToken)).Status, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Login_with_a_wrong_password_is_401_username_or_password_error() =>
        ApiAssert.IsError(await Login(_alice, "wrong-password"), HttpStatusCode.Unauthorized, "username or password error");

    [Test]
    public async Task Login_of_an_unknown_user_is_401_username_or_password_error() =>
        ApiAssert.IsError(await Login("nobody_here", ApiClient.Password), HttpStatusCode.Unauthorized, "username or password error");

    [Test]
    public async Task Password_is_stored_as_a_salted_pbkdf2_sha512_hash_of_220000_iterations()
    {
        var other = ApiClient.NewUsername();
        Assert.That((await Register(other)).Status, Is.EqualTo(HttpStatusCode.Created));

        var hashes = new[] { ReadPasswordHash(_alice), ReadPasswordHash(other) };

        var bytes = Convert.FromBase64String(hashes[0]);
        Assert.That(bytes, Has.Length.GreaterThan(13));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(hashes, Has.None.Contains(ApiClient.Password));
            Assert.That(hashes[0], Is.Not.EqualTo(hashes[1]), "same password, different salt");
            Assert.That(bytes[0], Is.EqualTo(0x01), "Identity v3 format");
            Assert.That(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)), Is.EqualTo(2), "HMAC-SHA512");
            Assert.That(Iterations(hashes[0]), Is.EqualTo(220_000));
            Assert.That(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9)), Is.GreaterThanOrEqualTo(16), "salt bytes");
        }
    }

    [Test]
    public async Task Login_upgrades_a_password_hash_of_lower_cost()
    {
        var username = ApiClient.NewUsername();
        Assert.That((await Register(username)).Status, Is.EqualTo(HttpStatusCode.Created));
        var oldCost = new PasswordHasher<object>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        WritePasswordHash(username, oldCost.HashPassword(new object(), ApiClient.Password));

        var login = await Login(username, ApiClient.Password);
        var again = await Login(username, ApiClient.Password);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(login.Status, Is.EqualTo(HttpStatusCode.OK), login.Text);
            Assert.That(Iterations(ReadPasswordHash(username)), Is.EqualTo(220_000));
            Assert.That(again.Status, Is.EqualTo(HttpStatusCode.OK), again.Text);
        }
    }

    [Test]
    public async Task Session_token_is_stored_only_as_its_sha256()
    {
        var login = await Login(_alice, ApiClient.Password);
        var token = login.Body!["token"]!.GetValue<string>();

        var stored = ReadSessionTokenHashes();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored, Has.One.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
            Assert.That(stored, Has.None.EqualTo(Encoding.UTF8.GetBytes(token)));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{22,}$")]
    private static partial Regex UrlSafeToken();

    /// <summary>The PBKDF2 iteration count of an ASP.NET Core Identity v3 hash.</summary>
    private static uint Iterations(string hash) => BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5));

    private Task<ApiResponse> Register(string username) =>
        Client.SendJsonAsync(HttpMethod.Post, ApiClient.RegisterPath, $$"""{"username":"{{username}}","password":"{{ApiClient.Password}}"}""");

    private Task<ApiResponse> Login(string username, string password) =>
        Client.SendJsonAsync(HttpMethod.Post, ApiClient.LoginPath, $$"""{"username":"{{username}}","password":"{{password}}"}""");

    private string ReadPasswordHash(string username)
    {
        using var connection = Factory.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM users WHERE username = $username";
        command.Parameters.AddWithValue("$username", username);
        return (string)command.ExecuteScalar()!;
    }

    private void WritePasswordHash(string username, string hash) =>
        Assert.That(Factory.Execute("UPDATE users SET password_hash = $hash WHERE username = $username", ("$hash", hash), ("$username", username)), Is.EqualTo(1));

    private List<byte[]> ReadSessionTokenHashes()
    {
        using var connection = Factory.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT token_hash FROM sessions";
        using var reader = command.ExecuteReader();
        var hashes = new List<byte[]>();
        while (reader.Read())
        {
            hashes.Add((byte[])reader[0]);
        }

        return hashes;
    }
}
