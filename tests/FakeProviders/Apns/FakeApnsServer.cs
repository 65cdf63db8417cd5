using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PushTokenService.FakeProviders.Apns;

/// <summary>
/// A stand-in for APNs on 127.0.0.1: HTTP/2 without TLS, <c>POST /3/device/{token}</c>. It refuses a request whose
/// provider token does not verify (403 <c>InvalidProviderToken</c>), answers each device token as the test scripted it
/// (200 with <c>apns-id</c> when unscripted), and records what it received.
/// </summary>
public sealed class FakeApnsServer : IAsyncDisposable
{
    private const string DevicePath = "/3/device/";

    private readonly ApnsProviderTokenVerifier _verifier;
    private readonly TimeProvider _clock;
    private readonly bool _record;
    private readonly ConcurrentDictionary<string, AnswerScript> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ApnsReceivedRequest>> _firstRequests = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ApnsReceivedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, byte> _providerTokens = new(StringComparer.Ordinal);
    private FakeHttpServer _server = null!;

    private FakeApnsServer(ApnsProviderTokenVerifier verifier, TimeProvider clock, bool record)
    {
        _verifier = verifier;
        _clock = clock;
        _record = record;
    }

    /// <summary>The endpoint to configure as <c>Push:Apns:ProductionEndpoint</c> or <c>SandboxEndpoint</c>.</summary>
    public Uri Endpoint => _server.BaseAddress;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyCollection<ApnsReceivedRequest> Requests => _requests;

    /// <summary>The distinct provider tokens (JWTs) the requests carried.</summary>
    public IReadOnlyList<string> ProviderTokens => _providerTokens.Keys.ToList();

    /// <param name="keys">The keys whose provider tokens are accepted.</param>
    /// <param name="clock">Judges the tokens' age and stamps the requests; the system clock when null.</param>
    /// <param name="record">False keeps no requests and tokens, for a benchmark's long runs.</param>
    public static async Task<FakeApnsServer> StartAsync(IEnumerable<ApnsTestKey> keys, TimeProvider? clock = null, bool record = true)
    {
        clock ??= TimeProvider.System;
        var server = new FakeApnsServer(new ApnsProviderTokenVerifier(keys, clock), clock, record);
        server._server = await FakeHttpServer.StartAsync(server.AnswerAsync, HttpProtocols.Http2).ConfigureAwait(false);
        server._server.RecordRequests = record;
        return server;
    }

    /// <summary>Answers requests for <paramref name="pushToken"/> with <paramref name="answers"/> in turn; the last one repeats.</summary>
    public void Script(string pushToken, params ApnsFakeAnswer[] answers) => _scripts[pushToken] = new AnswerScript(answers);

    /// <summary>Completes with the first request for <paramref name="pushToken"/> once it arrives.</summary>
    public Task<ApnsReceivedRequest> FirstRequestFor(string pushToken) => FirstRequest(pushToken).Task;

    public IReadOnlyList<ApnsReceivedRequest> RequestsFor(string pushToken) => _requests.Where(r => r.PushToken == pushToken).ToList();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private TaskCompletionSource<ApnsReceivedRequest> FirstRequest(string pushToken) =>
        _firstRequests.GetOrAdd(pushToken, _ => new TaskCompletionSource<ApnsReceivedRequest>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task AnswerAsync(HttpContext context, ReceivedRequest received)
    {
        var request = context.Request;
        if (received.Method != HttpMethods.Post || !received.Path.StartsWith(DevicePath, StringComparison.Ordinal))
        {
            await WriteAsync(context.Response, HttpStatusCode.NotFound, "BadPath");
            return;
        }

        var pushToken = Uri.UnescapeDataString(received.Path[DevicePath.Length..]);
        var authorization = request.Headers.Authorization.ToString();
        var jwt = authorization.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..] : "";
        if (_record)
        {
            Record(new ApnsReceivedRequest(pushToken, request.Protocol, received.Headers, received.Json, _clock.GetUtcNow()), jwt);
        }

        if (!_verifier.IsValid(jwt))
        {
            await WriteAsync(context.Response, HttpStatusCode.Forbidden, "InvalidProviderToken");
            return;
        }

        var answer = _scripts.TryGetValue(pushToken, out var script) ? script.Next() : ApnsFakeAnswer.Sent;
        if (answer.Hold is { } hold)
        {
            using var abandon = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _server.Stopping);
            try
            {
                await hold.WaitAsync(abandon.Token);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
                return;
            }
        }

        var response = context.Response;
        if (answer.Status == HttpStatusCode.OK)
        {
            var apnsId = request.Headers["apns-id"].ToString();
            response.Headers["apns-id"] = apnsId.Length > 0 ? apnsId : Guid.NewGuid().ToString();
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (answer.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = ((long)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        await WriteAsync(response, answer.Status, answer.Reason, answer.Timestamp);
    }

    private void Record(ApnsReceivedRequest received, string jwt)
    {
        _requests.Enqueue(received);
        _providerTokens.TryAdd(jwt, 0);
        FirstRequest(received.PushToken).TrySetResult(received);
    }

    private static async Task WriteAsync(HttpResponse response, HttpStatusCode status, string? reason, DateTimeOffset? timestamp = null)
    {
        response.StatusCode = (int)status;
        response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        writer.WriteStartObject();
        if (reason is not null)
        {
            writer.WriteString("reason", reason);
        }

        if (timestamp is { } since)
        {
            writer.WriteNumber("timestamp", since.ToUnixTimeMilliseconds());
        }

        writer.WriteEndObject();
        await writer.FlushAsync();
    }

    /// <summary>A device token's answers in turn, the last one repeated.</summary>
    private sealed class AnswerScript(ApnsFakeAnswer[] answers)
    {
        private int _next = -1;

        public ApnsFakeAnswer Next() => answers[Math.Min(Interlocked.Increment(ref _next), answers.Length - 1)];
    }
}
