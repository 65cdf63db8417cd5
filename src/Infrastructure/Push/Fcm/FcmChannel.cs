using System.Collections.Frozen;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.Options;
using Polly;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push.Fcm;

/// <summary>
/// Firebase Cloud Messaging over its HTTP v1 API (API.md section 10.3): one request per target, all concurrently, each
/// with its app's OAuth access token; a rejected access token is renewed and the request sent again once.
/// </summary>
public sealed class FcmChannel : IPushChannel, IDisposable
{
    public const string HttpClientName = "fcm";
    public const string TokenHttpClientName = "fcm-oauth";

    private readonly FrozenDictionary<string, FcmProject> _projects;
    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline<FcmAnswer> _retry;

    public FcmChannel(IOptions<FcmOptions> options, IHttpClientFactory clients, IHttpMessageHandlerFactory handlers, TimeProvider clock)
    {
        _clients = clients;
        _clock = clock;
        var endpoint = new Uri(options.Value.Endpoint);
        _projects = options.Value.ServiceAccountFiles.ToFrozenDictionary(
            app => app.Key,
            app => new FcmProject(
                ServiceAccountFile.Load(app.Value, FcmOptions.ServiceAccountFileKey(app.Key)),
                endpoint,
                handlers.CreateHandler(TokenHttpClientName),
                clock),
            StringComparer.Ordinal);
        _retry = ProviderRetry.Create<FcmAnswer>(answer => answer.IsTransient, answer => answer.RetryAfter, clock);
    }

    public PushChannel Channel => PushChannel.Fcm;

    public bool IsConfigured(string bundleId) => _projects.ContainsKey(bundleId);

    public async Task<IReadOnlyList<PushDelivery>> SendAsync(
        PushMessage message, IReadOnlyList<PushTarget> targets, CancellationToken cancellationToken)
    {
        using var deadline = new SendDeadline(message, _clock, cancellationToken);
        var body = FcmRequestBody.For(message);
        var client = _clients.CreateClient(HttpClientName);
        var sends = new Task<PushDelivery>[targets.Count];
        for (var i = 0; i < sends.Length; i++)
        {
            sends[i] = SendAsync(client, _projects[targets[i].Record.BundleId], body.ForToken(targets[i].Token), targets[i].Record.Id, deadline.Token);
        }

        return await Task.WhenAll(sends).ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var project in _projects.Values)
        {
            project.Dispose();
        }
    }

    private async Task<PushDelivery> SendAsync(HttpClient client, FcmProject project, byte[] body, long tokenId, CancellationToken deadline)
    {
        var send = new TargetSend(_clock, client, project, body);
        try
        {
            return (await _retry.SendRenewingOnceAsync(send, deadline).ConfigureAwait(false)).ToDelivery(tokenId);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return SendDeadline.Missed(tokenId, send.Reach);
        }
        catch (TokenResponseException exception)
        {
            return FcmAnswer.TokenRefused(exception).ToDelivery(tokenId);
        }
    }

    /// <summary>One target's request, tried again by the retry rule; remembers whether FCM was reached.</summary>
    private sealed class TargetSend(TimeProvider clock, HttpClient client, FcmProject project, byte[] body) : IAuthorizedSend<FcmAnswer>
    {
        public ProviderReach Reach { get; } = new();

        public string? RejectedAccessToken(FcmAnswer answer) => answer.RejectsAccessToken ? answer.AccessToken : null;

        public Task RenewAccessTokenAsync(string rejected, CancellationToken cancellationToken) =>
            project.RenewAsync(rejected, cancellationToken);

        public async ValueTask<FcmAnswer> SendAsync(CancellationToken cancellationToken)
        {
            string accessToken;
            try
            {
                accessToken = await project.AccessTokenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (TokenResponseException exception)
            {
                Reach.Answered();
                return FcmAnswer.TokenRefused(exception);
            }

            using var response = await client.PostJsonAsync(project.SendUri, body, accessToken, Reach, cancellationToken).ConfigureAwait(false);
            return await FcmAnswer.ReadAsync(response, accessToken, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }
}
