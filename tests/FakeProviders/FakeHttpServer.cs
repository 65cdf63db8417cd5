using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PushTokenService.FakeProviders;

/// <summary>
/// A Kestrel server on <c>127.0.0.1</c> and a free port that answers every request with one delegate, logs nothing, and
/// keeps what it received (when <see cref="RecordRequests"/>) for a test's assertions.
/// </summary>
public sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly Lock _waitersLock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _receivedCount;

    private FakeHttpServer(WebApplication app) => _app = app;

    /// <summary>The server's root, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Whether each request's path, headers and JSON body are kept; a benchmark turns it off.</summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>Cancelled when the server stops: a request that never answers waits for it (or for its client to give up).</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>What the server received, in order of arrival.</summary>
    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    /// <summary>
    /// Starts a server whose <paramref name="answer"/> gets each request with its JSON body already parsed
    /// (<see cref="JsonValueKind.Undefined"/> for a body that is not JSON).
    /// </summary>
    public static async Task<FakeHttpServer> StartAsync(Func<HttpContext, ReceivedRequest, Task> answer, HttpProtocols protocols = HttpProtocols.Http1AndHttp2)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            // APNs advertises 500 concurrent streams a connection; at Kestrel's 100 a fan-out of a thousand on a busy machine
            // trips Kestrel's ENHANCE_YOUR_CALM guard, which counts finished streams the server has not yet cleaned up.
            kestrel.Limits.Http2.MaxStreamsPerConnection = 500;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols);
        });
        var app = builder.Build();
        var server = new FakeHttpServer(app);
        app.Run(context => server.AnswerAsync(context, answer));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers <paramref name="status"/> with a JSON body.</summary>
    public static Task AnswerJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    /// <summary>Holds a request unanswered until its client gives up or the server stops.</summary>
    public async Task NeverAnswerAsync(HttpContext context)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, Stopping);
        await Task.Delay(Timeout.Infinite, either.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        context.Abort();
    }

    /// <summary>Completes once the server has received <paramref name="count"/> requests in all.</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (_waitersLock)
        {
            if (Volatile.Read(ref _receivedCount) >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AnswerAsync(HttpContext context, Func<HttpContext, ReceivedRequest, Task> answer)
    {
        var request = await ReceivedRequest.ReadAsync(context.Request, RecordRequests).ConfigureAwait(false);
        if (RecordRequests)
        {
            _received.Enqueue(request);
        }

        Arrived();
        await answer(context, request).ConfigureAwait(false);
    }

    private void Arrived()
    {
        var count = Interlocked.Increment(ref _receivedCount);
        lock (_waitersLock)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= count)
                {
                    _waiters[i].Reached.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
