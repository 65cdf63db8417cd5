namespace PushTokenService.Infrastructure.Push.Apns;

/// <summary>
/// One target's requests within one send: the same <c>apns-id</c> on every try, the app's current provider token on each,
/// and whether APNs was ever reached (to tell <c>unreachable</c> from <c>deadline</c>).
/// </summary>
public sealed class ApnsDeviceSend(
    HttpClient client,
    ApnsRequestTemplate template,
    string bundleId,
    Uri device,
    ApnsProviderToken providerToken,
    TimeProvider clock) : IAuthorizedSend<ApnsAnswer>
{
    private string? _sentProviderToken;

    public string ApnsId { get; } = Guid.NewGuid().ToString();

    public ProviderReach Reach { get; } = new();

    /// <summary>One try as the retry rule sees it.</summary>
    public async ValueTask<ApnsAnswer> SendAsync(CancellationToken cancellationToken)
    {
        var jwt = _sentProviderToken = providerToken.Current();
        using var request = template.Create(device, bundleId, ApnsId, jwt);
        using var response = await client.SendNotingReachAsync(request, Reach, cancellationToken).ConfigureAwait(false);
        return await ApnsAnswer.ReadAsync(response, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    public string? RejectedAccessToken(ApnsAnswer answer) => answer.IsExpiredProviderToken ? _sentProviderToken : null;

    public Task RenewAccessTokenAsync(string rejected, CancellationToken cancellationToken)
    {
        providerToken.Renew(rejected);
        return Task.CompletedTask;
    }
}
