using Google.Apis.Auth.OAuth2;
using Google.Apis.Http;

namespace PushTokenService.Infrastructure.Push.Fcm;

/// <summary>
/// One app's Firebase project: where its messages go and its one credential, which Google's library keeps (one refresh
/// at a time serves every waiting send). The access token is replaced five minutes before it expires, on the service's clock.
/// </summary>
public sealed class FcmProject : IDisposable
{
    public const string FirebaseMessagingScope = "https://www.googleapis.com/auth/firebase.messaging";

    /// <summary>A token is replaced this long before its expiry (Google's library alone would wait until nearer it).</summary>
    public static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly ServiceAccountCredential _credential;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _renewal = new(1, 1);

    /// <param name="serviceAccount">The file's credential: its key, <c>client_email</c>, <c>project_id</c> and <c>token_uri</c>.</param>
    /// <param name="tokenHandler">The handler of the access-token requests to <c>token_uri</c>.</param>
    public FcmProject(ServiceAccountCredential serviceAccount, Uri endpoint, HttpMessageHandler tokenHandler, TimeProvider clock)
    {
        _clock = clock;
        ProjectId = serviceAccount.ProjectId;
        SendUri = new Uri(endpoint, $"/v1/projects/{Uri.EscapeDataString(ProjectId)}/messages:send");
        _credential = new ServiceAccountCredential(
            new ServiceAccountCredential.Initializer(serviceAccount.Id, serviceAccount.TokenServerUrl)
            {
                ProjectId = serviceAccount.ProjectId,
                KeyId = serviceAccount.KeyId,
                Key = serviceAccount.Key,
                Scopes = [FirebaseMessagingScope],
                Clock = new GoogleClock(clock),
                HttpClientFactory = new HttpClientFromMessageHandlerFactory(
                    _ => new HttpClientFromMessageHandlerFactory.ConfiguredHttpMessageHandler(tokenHandler, false, false)),
                // The send's own retry rule and deadline govern a failing token endpoint too.
                DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
            });
    }

    public string ProjectId { get; }

    /// <summary><c>{endpoint}/v1/projects/{project_id}/messages:send</c>.</summary>
    public Uri SendUri { get; }

    /// <summary>The current access token, obtained first when there is none or it is within five minutes of its expiry.</summary>
    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_credential.Token is { ExpiresInSeconds: { } lifetime } current
            && current.IssuedUtc.AddSeconds(lifetime) - RenewBeforeExpiry <= _clock.GetUtcNow().UtcDateTime)
        {
            await RenewAsync(current.AccessToken, cancellationToken).ConfigureAwait(false);
        }

        return await _credential.GetAccessTokenForRequestAsync(authUri: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Obtains a new access token unless another send already replaced <paramref name="rejected"/>.</summary>
    public async Task RenewAsync(string rejected, CancellationToken cancellationToken)
    {
        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_credential.Token?.AccessToken == rejected)
            {
                await _credential.RequestAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _renewal.Release();
        }
    }

    public void Dispose() => _renewal.Dispose();
}
