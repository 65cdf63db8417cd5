using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Polly;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push.Hms;

/// <summary>
/// Huawei Push Kit (API.md section 10.3): one request per chunk of up to 1000 distinct tokens of one app, the chunks
/// concurrently, each with the app's access token; a rejected access token is renewed and the request sent again once.
/// Records sharing a token share its outcome.
/// </summary>
public sealed class HmsChannel : IPushChannel, IDisposable
{
    public const string HttpClientName = "hms";
    public const string TokenHttpClientName = "hms-oauth";
    public const int MaxTokensPerRequest = 1000;

    private readonly FrozenDictionary<string, HmsApp> _apps;
    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline<HmsAnswer> _retry;

    public HmsChannel(IOptions<HmsOptions> options, IHttpClientFactory clients, TimeProvider clock)
    {
        _clients = clients;
        _clock = clock;
        var endpoint = new Uri(options.Value.Endpoint);
        var tokenEndpoint = new Uri(options.Value.TokenEndpoint);
        _apps = options.Value.Apps.ToFrozenDictionary(
            app => app.Key, app => new HmsApp(app.Value, endpoint, tokenEndpoint, clock), StringComparer.Ordinal);
        _retry = ProviderRetry.Create<HmsAnswer>(answer => answer.IsTransient, answer => answer.RetryAfter, clock);
    }

    public PushChannel Channel => PushChannel.Hms;

    public bool IsConfigured(string bundleId) => _apps.ContainsKey(bundleId);

    public async Task<IReadOnlyList<PushDelivery>> SendAsync(
        PushMessage message, IReadOnlyList<PushTarget> targets, CancellationToken cancellationToken)
    {
        using var deadline = new SendDeadline(message, _clock, cancellationToken);
        var body = HmsRequestBody.For(message);
        var clients = new Clients(_clients.CreateClient(HttpClientName), _clients.CreateClient(TokenHttpClientName));
        var requests = new List<Task<Request>>();
        foreach (var app in targets.GroupBy(target => target.Record.BundleId, StringComparer.Ordinal))
        {
            var tokens = app.Select(target => target.Token).Distinct(StringComparer.Ordinal);
            foreach (var chunk in tokens.Chunk(MaxTokensPerRequest))
            {
                requests.Add(SendAsync(new Request(_clock, clients, _apps[app.Key], app.Key, chunk, body.ForTokens(chunk)), deadline.Token));
            }
        }

        var outcomes = new Dictionary<(string BundleId, string Token), PushDelivery>();
        foreach (var request in await Task.WhenAll(requests).ConfigureAwait(false))
        {
            foreach (var token in request.Tokens)
            {
                outcomes[(request.BundleId, token)] = request.Outcome(token);
            }
        }

        return targets.Select(target => outcomes[(target.Record.BundleId, target.Token)] with { TokenId = target.Record.Id }).ToArray();
    }

    public void Dispose()
    {
        foreach (var app in _apps.Values)
        {
            app.Dispose();
        }
    }

    private async Task<Request> SendAsync(Request request, CancellationToken deadline)
    {
        try
        {
            request.Answer(await _retry.SendRenewingOnceAsync(request, deadline).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            request.Miss();
        }
        catch (HmsTokenRefusedException exception)
        {
            request.Answer(HmsAnswer.TokenRefused(exception));
        }

        return request;
    }

    private sealed record Clients(HttpClient Send, HttpClient Token);

    /// <summary>One request of one app's chunk of tokens, tried again by the retry rule, and then its outcome per token.</summary>
    private sealed class Request(TimeProvider clock, Clients clients, HmsApp app, string bundleId, string[] tokens, byte[] body)
        : IAuthorizedSend<HmsAnswer>
    {
        private Func<string, PushDelivery> _outcome = _ => throw new InvalidOperationException("The request has no outcome yet.");
        private readonly ProviderReach _reach = new();

        public string BundleId => bundleId;

        public string[] Tokens => tokens;

        /// <summary>The outcome of one token of the request; its <see cref="PushDelivery.TokenId"/> is left for the record.</summary>
        public PushDelivery Outcome(string token) => _outcome(token);

        public void Answer(HmsAnswer answer)
        {
            var outcomes = answer.Outcomes();
            _outcome = token => outcomes(token) switch
            {
                (PushOutcome.Sent, _) => new PushDelivery(0, PushOutcome.Sent, ProviderId: answer.RequestId),
                var (outcome, reason) => new PushDelivery(0, outcome, reason),
            };
        }

        public void Miss()
        {
            var missed = SendDeadline.Missed(0, _reach);
            _outcome = _ => missed;
        }

        public string? RejectedAccessToken(HmsAnswer answer) => answer.RejectsAccessToken ? answer.AccessToken : null;

        public Task RenewAccessTokenAsync(string rejected, CancellationToken cancellationToken) =>
            app.AccessToken.RenewAsync(clients.Token, rejected, cancellationToken);

        public async ValueTask<HmsAnswer> SendAsync(CancellationToken cancellationToken)
        {
            string accessToken;
            try
            {
                accessToken = await app.AccessToken.GetAsync(clients.Token, cancellationToken).ConfigureAwait(false);
            }
            catch (HmsTokenRefusedException exception)
            {
                _reach.Answered();
                return HmsAnswer.TokenRefused(exception);
            }

            using var response = await clients.Send.PostJsonAsync(app.SendUri, body, accessToken, _reach, cancellationToken).ConfigureAwait(false);
            return await HmsAnswer.ReadAsync(response, accessToken, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }
}
