using Microsoft.Extensions.Options;
using Polly;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push.Apns;

/// <summary>
/// Apple Push Notification service with token-based authentication (API.md section 10.3): a record of <c>dev</c> 0 goes
/// to the production endpoint, of <c>dev</c> 1 to the sandbox; every target of a send at once, each retried under
/// <see cref="ProviderRetry"/> until the send's deadline; an expired provider token is renewed and the request sent again once.
/// </summary>
public sealed class ApnsChannel : IPushChannel
{
    public const string HttpClientName = "apns";

    private readonly IHttpClientFactory _httpClients;
    private readonly ApnsCredentials _credentials;
    private readonly TimeProvider _clock;
    private readonly Uri _production;
    private readonly Uri _sandbox;
    private readonly ResiliencePipeline<ApnsAnswer> _retry;

    public ApnsChannel(IHttpClientFactory httpClients, ApnsCredentials credentials, IOptions<ApnsOptions> options, TimeProvider clock)
    {
        _httpClients = httpClients;
        _credentials = credentials;
        _clock = clock;
        _production = options.Value.ProductionEndpoint;
        _sandbox = options.Value.SandboxEndpoint;
        _retry = ProviderRetry.Create<ApnsAnswer>(answer => ProviderRetry.IsTransient(answer.Status), answer => answer.RetryAfter, clock);
    }

    public PushChannel Channel => PushChannel.Apns;

    public bool IsConfigured(string bundleId) => _credentials.For(bundleId) is not null;

    /// <remarks>The caller's cancellation ends the send as the deadline does: every unanswered target is <c>deadline</c>.</remarks>
    public async Task<IReadOnlyList<PushDelivery>> SendAsync(
        PushMessage message, IReadOnlyList<PushTarget> targets, CancellationToken cancellationToken)
    {
        using var deadline = new SendDeadline(message, _clock, cancellationToken);
        var template = new ApnsRequestTemplate(message);
        var client = _httpClients.CreateClient(HttpClientName);
        var sends = new Task<PushDelivery>[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            sends[i] = SendAsync(client, template, targets[i], deadline.Token);
        }

        return await Task.WhenAll(sends).ConfigureAwait(false);
    }

    private async Task<PushDelivery> SendAsync(HttpClient client, ApnsRequestTemplate template, PushTarget target, CancellationToken deadline)
    {
        var record = target.Record;
        if (_credentials.For(record.BundleId) is not { } providerToken)
        {
            return new PushDelivery(record.Id, PushOutcome.NotConfigured);
        }

        var device = ApnsRequestTemplate.DeviceUri(record.Dev == 1 ? _sandbox : _production, target.Token);
        var send = new ApnsDeviceSend(client, template, record.BundleId, device, providerToken, _clock);
        try
        {
            return (await _retry.SendRenewingOnceAsync(send, deadline).ConfigureAwait(false)).ToDelivery(record.Id, send.ApnsId);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return SendDeadline.Missed(record.Id, send.Reach);
        }
    }
}
