using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PushTokenService.FakeProviders.Hms;

/// <summary>
/// A fake Huawei Push Kit with its OAuth token endpoint. The token endpoint checks the client-credentials form against the
/// apps the test added and counts the access tokens it issues; the send endpoint accepts only a bearer it issued,
/// unexpired, for the app of the path, and answers each request by its tokens' scripts (<see cref="HmsScript"/>).
/// </summary>
public sealed class FakeHmsServer : IAsyncDisposable
{
    public const string TokenPath = "/oauth2/v3/token";

    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string AppId, DateTimeOffset Expires)> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _issued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HmsScript> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly TokenHolds _holds = new();
    private readonly ConcurrentQueue<string> _everIssued = new();
    private FakeHttpServer _server = null!;
    private long _requests;

    private FakeHmsServer(TimeProvider clock) => _clock = clock;

    /// <summary>What <c>Push:Hms:Endpoint</c> names.</summary>
    public Uri Endpoint => _server.BaseAddress;

    /// <summary>What <c>Push:Hms:TokenEndpoint</c> names.</summary>
    public Uri TokenEndpoint => new(_server.BaseAddress, TokenPath.TrimStart('/'));

    /// <summary>The <c>expires_in</c> of the access tokens issued.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public FakeHttpServer Http => _server;

    /// <summary>The sends received (not the token requests), in order.</summary>
    public IReadOnlyList<ReceivedRequest> Sends => _server.Received.Where(request => request.Path != TokenPath).ToArray();

    /// <summary>Starts the fake; <paramref name="clock"/> judges the access tokens' expiry.</summary>
    public static async Task<FakeHmsServer> StartAsync(TimeProvider? clock = null)
    {
        var fake = new FakeHmsServer(clock ?? TimeProvider.System);
        fake._server = await FakeHttpServer.StartAsync(fake.AnswerAsync).ConfigureAwait(false);
        return fake;
    }

    /// <summary>Starts the fake and waits for it, for a fixture whose settings need its address before anything async runs.</summary>
    public static FakeHmsServer Start(TimeProvider? clock = null) => StartAsync(clock).GetAwaiter().GetResult();

    /// <summary>Every access token issued, revoked or not, to check that none reaches a log.</summary>
    public IReadOnlyCollection<string> IssuedAccessTokens => _everIssued;

    /// <summary>
    /// Answers the sends to <paramref name="token"/> only once <paramref name="release"/> completes; the task returned
    /// completes when such a send has arrived.
    /// </summary>
    public Task Hold(string token, Task release) => _holds.Hold(token, release);

    /// <summary>Accepts <paramref name="appId"/> with <paramref name="secret"/> at the token endpoint.</summary>
    public void AddApp(string appId, string secret) => _secrets[appId] = secret;

    public void Script(string token, HmsScript script) => _scripts[token] = script;

    /// <summary>How many access tokens the token endpoint issued to <paramref name="appId"/>.</summary>
    public int AccessTokensIssued(string appId) => _issued.GetValueOrDefault(appId);

    /// <summary>Every access token issued so far stops being accepted.</summary>
    public void RevokeAccessTokens() => _accessTokens.Clear();

    /// <summary>The tokens of a send's body, <c>message.token</c>.</summary>
    public static IReadOnlyList<string> Tokens(ReceivedRequest send) =>
        send.Json.GetProperty("message").GetProperty("token").EnumerateArray().Select(token => token.GetString()!).ToArray();

    /// <summary>A send's <c>message.data</c>, parsed from the JSON string it is.</summary>
    public static JsonElement Data(ReceivedRequest send)
    {
        using var data = JsonDocument.Parse(send.Json.GetProperty("message").GetProperty("data").GetString()!);
        return data.RootElement.Clone();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Task AnswerAsync(HttpContext context, ReceivedRequest request)
    {
        if (request.Path == TokenPath)
        {
            return IssueAccessTokenAsync(context, request);
        }

        var segments = request.Path.Split('/');
        return segments is ["", "v1", var appId, "messages:send"] && request.Method == HttpMethods.Post
            ? SendAsync(context, request, appId)
            : FakeHttpServer.AnswerJsonAsync(context, 404, Answer("80100001", "Not found"));
    }

    private Task IssueAccessTokenAsync(HttpContext context, ReceivedRequest request)
    {
        var form = request.Form;
        if (form.GetValueOrDefault("grant_type") != "client_credentials"
            || !_secrets.TryGetValue(form.GetValueOrDefault("client_id") ?? "", out var secret)
            || form.GetValueOrDefault("client_secret") != secret)
        {
            return FakeHttpServer.AnswerJsonAsync(context, 400, """{"error":1101,"sub_error":20203,"error_description":"invalid client"}""");
        }

        var appId = form["client_id"];
        var accessToken = $"hms-fake-{Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}";
        _everIssued.Enqueue(accessToken);
        _accessTokens[accessToken] = (appId, _clock.GetUtcNow() + AccessTokenLifetime);
        _issued.AddOrUpdate(appId, 1, (_, count) => count + 1);
        return FakeHttpServer.AnswerJsonAsync(context, 200, JsonSerializer.Serialize(new
        {
            access_token = accessToken,
            expires_in = (long)AccessTokenLifetime.TotalSeconds,
            token_type = "Bearer",
        }));
    }

    private Task SendAsync(HttpContext context, ReceivedRequest request, string appId)
    {
        var bearer = ReceivedRequest.Bearer(context.Request);
        if (bearer is null || !_accessTokens.TryGetValue(bearer, out var granted) || granted.Expires <= _clock.GetUtcNow() || granted.AppId != appId)
        {
            return FakeHttpServer.AnswerJsonAsync(context, 401, Answer("80200003", "OAuth token expired."));
        }

        IReadOnlyList<string> tokens;
        try
        {
            tokens = Tokens(request);
            Data(request);
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or JsonException)
        {
            return FakeHttpServer.AnswerJsonAsync(context, 400, Answer("80100003", "Illegal payload"));
        }

        var held = _holds.IsEmpty ? Task.CompletedTask : Task.WhenAll(tokens.Select(_holds.HeldAsync));
        return held.IsCompleted ? AnswerAsync(context, tokens) : AnswerAfterAsync(held, context, tokens);
    }

    private async Task AnswerAfterAsync(Task held, HttpContext context, IReadOnlyList<string> tokens)
    {
        await held.ConfigureAwait(false);
        await AnswerAsync(context, tokens).ConfigureAwait(false);
    }

    private Task AnswerAsync(HttpContext context, IReadOnlyList<string> tokens)
    {
        var scripts = tokens.Select(token => (Token: token, Script: ScriptOf(token))).ToArray();
        var script = scripts.Select(entry => entry.Script).DefaultIfEmpty(HmsScript.Success).Max();
        switch (script)
        {
            case HmsScript.Never:
                return _server.NeverAnswerAsync(context);
            case HmsScript.TokenExpiredOnce:
                return FakeHttpServer.AnswerJsonAsync(context, 401, Answer("80200003", "OAuth token expired."));
            case HmsScript.BusyOnce:
                return FakeHttpServer.AnswerJsonAsync(context, 200, Answer("81000001", "System inner error."));
            case HmsScript.ServiceUnavailableOnce:
                context.Response.StatusCode = 503;
                return Task.CompletedTask;
            case HmsScript.IllegalPayload:
                return FakeHttpServer.AnswerJsonAsync(context, 400, Answer("80100003", "Illegal payload"));
            case HmsScript.AllInvalid:
                return FakeHttpServer.AnswerJsonAsync(context, 400, Answer("80300007", "All the tokens are invalid"));
            case HmsScript.Illegal:
                var illegal = scripts.Where(entry => entry.Script == HmsScript.Illegal).Select(entry => entry.Token).ToArray();
                var msg = JsonSerializer.Serialize(new { success = tokens.Count - illegal.Length, failure = illegal.Length, illegal_tokens = illegal });
                return FakeHttpServer.AnswerJsonAsync(context, 200, Answer("80100000", msg));
            default:
                return FakeHttpServer.AnswerJsonAsync(context, 200, Answer("80000000", "Success"));
        }
    }

    /// <summary>A token's script for this request: a "once" script counts only at its token's first request.</summary>
    private HmsScript ScriptOf(string token)
    {
        var script = _scripts.GetValueOrDefault(token);
        var first = _attempts.AddOrUpdate(token, 1, (_, count) => count + 1) == 1;
        return script is HmsScript.ServiceUnavailableOnce or HmsScript.BusyOnce or HmsScript.TokenExpiredOnce && !first ? HmsScript.Success : script;
    }

    private string Answer(string code, string msg) =>
        JsonSerializer.Serialize(new { code, msg, requestId = $"fake-{Interlocked.Increment(ref _requests)}" });
}
