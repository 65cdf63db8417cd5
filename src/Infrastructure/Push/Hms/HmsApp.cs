namespace PushTokenService.Infrastructure.Push.Hms;

/// <summary>One Huawei app: where its messages go and its one access token.</summary>
public sealed class HmsApp(HmsCredentials credentials, Uri endpoint, Uri tokenEndpoint, TimeProvider clock) : IDisposable
{
    /// <summary><c>{endpoint}/v1/{AppId}/messages:send</c>.</summary>
    public Uri SendUri { get; } = new(endpoint, $"/v1/{Uri.EscapeDataString(credentials.AppId)}/messages:send");

    public HmsAccessToken AccessToken { get; } = new(credentials, tokenEndpoint, clock);

    public void Dispose() => AccessToken.Dispose();
}
