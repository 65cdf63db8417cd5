using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PushTokenService.FakeProviders.Fcm;

/// <summary>
/// A fake FCM HTTP v1 with its OAuth token endpoint. The token endpoint verifies the JWT-bearer assertion as Google's
/// does (RS256 signature with the service account's public key, <c>iss</c> the <c>client_email</c>, <c>aud</c> the
/// <c>token_uri</c> or Google's own token audience, <c>scope</c>, <c>iat</c>, <c>exp</c>)
/// and counts the access tokens it issues; the send endpoint accepts only a bearer it issued, unexpired, for that
/// account's project, and answers each registration token as the test scripted it (<see cref="FcmScript"/>).
/// </summary>
public sealed class FakeFcmServer : IAsyncDisposable
{
    public const string TokenPath = "/token";
    public const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public const string Scope = "https://www.googleapis.com/auth/firebase.messaging";

    /// <summary>The audience Google's token endpoint expects, which Google's library asserts whatever the <c>token_uri</c>.</summary>
    public const string GoogleTokenAudience = "https://oauth2.googleapis.com/token";

    private readonly TimeProvider _clock;
    private readonly string _directory = Directory.CreateTempSubdirectory("fake-fcm-").FullName;
    private readonly ConcurrentDictionary<string, FakeServiceAccount> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (FakeServiceAccount Account, DateTimeOffset Expires)> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _issued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FcmScript> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _rejectedAssertions = new();
    private readonly TokenHolds _holds = new();
    private readonly ConcurrentQueue<string> _everIssued = new();
    private FakeHttpServer _server = null!;
    private long _messages;

    private FakeFcmServer(TimeProvider clock) => _clock = clock;

    /// <summary>What <c>Push:Fcm:Endpoint</c> names.</summary>
    public Uri Endpoint => _server.BaseAddress;

    /// <summary>The token endpoint, the service-account files' <c>token_uri</c>.</summary>
    public Uri TokenUri => new(_server.BaseAddress, TokenPath.TrimStart('/'));

    /// <summary>The <c>expires_in</c> of the access tokens issued.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The <c>Retry-After</c> of a 429, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    public FakeHttpServer Http => _server;

    /// <summary>The sends received (not the token requests), in order.</summary>
    public IReadOnlyList<ReceivedRequest> Sends => _server.Received.Where(request => request.Path != TokenPath).ToArray();

    /// <summary>Why assertions were refused, for a failing test's message.</summary>
    public IReadOnlyList<string> RejectedAssertions => [.. _rejectedAssertions];

    /// <summary>Starts the fake; <paramref name="clock"/> judges the assertions' <c>iat</c> and the access tokens' expiry.</summary>
    public static async Task<FakeFcmServer> StartAsync(TimeProvider? clock = null)
    {
        var fake = new FakeFcmServer(clock ?? TimeProvider.System);
        fake._server = await FakeHttpServer.StartAsync(fake.AnswerAsync).ConfigureAwait(false);
        return fake;
    }

    /// <summary>Starts the fake and waits for it, for a fixture whose settings need its address before anything async runs.</summary>
    public static FakeFcmServer Start(TimeProvider? clock = null) => StartAsync(clock).GetAwaiter().GetResult();

    /// <summary>Every access token issued, revoked or not, to check that none reaches a log.</summary>
    public IReadOnlyCollection<string> IssuedAccessTokens => _everIssued;

    /// <summary>
    /// Answers the sends to <paramref name="registrationToken"/> only once <paramref name="release"/> completes; the task returned
    /// completes when such a send has arrived.
    /// </summary>
    public Task Hold(string registrationToken, Task release) => _holds.Hold(registrationToken, release);

    /// <summary>A new service account of <paramref name="projectId"/> whose key file points at this fake's token endpoint.</summary>
    public FakeServiceAccount CreateServiceAccount(string projectId)
    {
        var account = FakeServiceAccount.Create(projectId, TokenUri, _directory);
        _accounts[account.ClientEmail] = account;
        return account;
    }

    public void Script(string registrationToken, FcmScript script) => _scripts[registrationToken] = script;

    /// <summary>How many access tokens the token endpoint issued to <paramref name="account"/>.</summary>
    public int AccessTokensIssued(FakeServiceAccount account) => _issued.GetValueOrDefault(account.ClientEmail);

    /// <summary>Every access token issued so far stops being accepted, as when Google revokes them.</summary>
    public void RevokeAccessTokens() => _accessTokens.Clear();

    /// <summary>The registration token of a send's body, <c>message.token</c>.</summary>
    public static string? RegistrationToken(ReceivedRequest send) =>
        send.Json.ValueKind == JsonValueKind.Object && send.Json.TryGetProperty("message", out var message)
        && message.TryGetProperty("token", out var token) ? token.GetString() : null;

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        foreach (var account in _accounts.Values)
        {
            account.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private Task AnswerAsync(HttpContext context, ReceivedRequest request)
    {
        if (request.Path == TokenPath)
        {
            return IssueAccessTokenAsync(context, request);
        }

        var segments = request.Path.Split('/');
        return segments is ["", "v1", "projects", var project, "messages:send"] && request.Method == HttpMethods.Post
            ? SendAsync(context, request, project)
            : FakeHttpServer.AnswerJsonAsync(context, 404, Error(404, "NOT_FOUND", "Not found", null));
    }

    private Task IssueAccessTokenAsync(HttpContext context, ReceivedRequest request)
    {
        if (Verify(request) is { } refusal)
        {
            _rejectedAssertions.Enqueue(refusal);
            return FakeHttpServer.AnswerJsonAsync(context, 400, JsonSerializer.Serialize(new { error = "invalid_grant", error_description = refusal }));
        }

        var account = _accounts[Claims(request.Form["assertion"]).GetProperty("iss").GetString()!];
        var accessToken = $"ya29.fake-{Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}";
        _everIssued.Enqueue(accessToken);
        _accessTokens[accessToken] = (account, _clock.GetUtcNow() + AccessTokenLifetime);
        _issued.AddOrUpdate(account.ClientEmail, 1, (_, count) => count + 1);
        return FakeHttpServer.AnswerJsonAsync(context, 200, JsonSerializer.Serialize(new
        {
            access_token = accessToken,
            expires_in = (long)AccessTokenLifetime.TotalSeconds,
            token_type = "Bearer",
        }));
    }

    /// <summary>Why the JWT-bearer grant is refused, or null when it is good.</summary>
    private string? Verify(ReceivedRequest request)
    {
        if (request.Form.GetValueOrDefault("grant_type") != GrantType)
        {
            return "grant_type is not " + GrantType;
        }

        var parts = request.Form.GetValueOrDefault("assertion")?.Split('.');
        if (parts is not { Length: 3 })
        {
            return "the assertion is not a JWT";
        }

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "RS256")
        {
            return "alg is not RS256";
        }

        var claims = Claims(request.Form["assertion"]);
        if (!claims.TryGetProperty("iss", out var iss) || !_accounts.TryGetValue(iss.GetString() ?? "", out var account))
        {
            return "iss is not a known client_email";
        }

        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!account.Key.VerifyData(signed, Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return "the signature does not verify with the account's public key";
        }

        if (!claims.TryGetProperty("aud", out var aud) || (aud.GetString() != TokenUri.AbsoluteUri && aud.GetString() != GoogleTokenAudience))
        {
            return "aud is neither the token_uri nor Google's token audience";
        }

        if (!claims.TryGetProperty("scope", out var scope) || scope.GetString() != Scope)
        {
            return "scope is not " + Scope;
        }

        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        var issuedAt = claims.GetProperty("iat").GetInt64();
        var expires = claims.GetProperty("exp").GetInt64();
        if (Math.Abs(now - issuedAt) > 300 || expires <= issuedAt || expires - issuedAt > 3600)
        {
            return "iat is not now, or exp is not within an hour after it";
        }

        return null;
    }

    private static JsonElement Claims(string assertion)
    {
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(assertion.Split('.')[1]));
        return claims.RootElement.Clone();
    }

    private Task SendAsync(HttpContext context, ReceivedRequest request, string project)
    {
        var bearer = ReceivedRequest.Bearer(context.Request);
        if (bearer is null || !_accessTokens.TryGetValue(bearer, out var granted) || granted.Expires <= _clock.GetUtcNow())
        {
            return FakeHttpServer.AnswerJsonAsync(context, 401, Error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.", "THIRD_PARTY_AUTH_ERROR"));
        }

        if (granted.Account.ProjectId != project)
        {
            return FakeHttpServer.AnswerJsonAsync(context, 403, Error(403, "PERMISSION_DENIED", "SenderId mismatch", "SENDER_ID_MISMATCH"));
        }

        var token = RegistrationToken(request);
        if (token is null)
        {
            return FakeHttpServer.AnswerJsonAsync(context, 400, Error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.", "INVALID_ARGUMENT"));
        }

        var held = _holds.HeldAsync(token);
        return held.IsCompleted ? AnswerAsync(context, project, token) : AnswerAfterAsync(held, context, project, token);
    }

    private async Task AnswerAfterAsync(Task held, HttpContext context, string project, string token)
    {
        await held.ConfigureAwait(false);
        await AnswerAsync(context, project, token).ConfigureAwait(false);
    }

    private Task AnswerAsync(HttpContext context, string project, string token)
    {
        var first = _attempts.AddOrUpdate(token, 1, (_, count) => count + 1) == 1;
        switch (_scripts.GetValueOrDefault(token))
        {
            case FcmScript.Unregistered:
                return FakeHttpServer.AnswerJsonAsync(context, 404, Error(404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED"));
            case FcmScript.InvalidToken:
                return FakeHttpServer.AnswerJsonAsync(context, 400, Error(400, "INVALID_ARGUMENT", "The registration token is not a valid FCM registration token", "INVALID_ARGUMENT"));
            case FcmScript.InvalidPayload:
                return FakeHttpServer.AnswerJsonAsync(context, 400, Error(400, "INVALID_ARGUMENT", "Invalid value at 'message.android.ttl'", "INVALID_ARGUMENT"));
            case FcmScript.SenderIdMismatch:
                return FakeHttpServer.AnswerJsonAsync(context, 403, Error(403, "PERMISSION_DENIED", "SenderId mismatch", "SENDER_ID_MISMATCH"));
            case FcmScript.RateLimitedOnce when first:
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return FakeHttpServer.AnswerJsonAsync(context, 429, Error(429, "RESOURCE_EXHAUSTED", "Quota exceeded.", "QUOTA_EXCEEDED"));
            case FcmScript.UnauthorizedOnce when first:
            case FcmScript.UnauthorizedForever:
                return FakeHttpServer.AnswerJsonAsync(context, 401, Error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.", "THIRD_PARTY_AUTH_ERROR"));
            case FcmScript.ServerErrorForever:
                return FakeHttpServer.AnswerJsonAsync(context, 500, Error(500, "INTERNAL", "Internal error encountered.", "INTERNAL"));
            case FcmScript.Never:
                return _server.NeverAnswerAsync(context);
            default:
                var name = $"projects/{project}/messages/{Interlocked.Increment(ref _messages)}";
                return FakeHttpServer.AnswerJsonAsync(context, 200, "{\"name\":\"" + name + "\"}");
        }
    }

    private static string Error(int code, string status, string message, string? errorCode) =>
        JsonSerializer.Serialize(new
        {
            error = new
            {
                code,
                message,
                status,
                details = errorCode is null
                    ? []
                    : new object[] { new Dictionary<string, string> { ["@type"] = "type.googleapis.com/google.firebase.fcm.v1.FcmError", ["errorCode"] = errorCode } },
            },
        });
}
