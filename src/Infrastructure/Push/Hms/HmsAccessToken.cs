using System.Globalization;
using System.Net;
using System.Text.Json;

namespace PushTokenService.Infrastructure.Push.Hms;

/// <summary>
/// One Huawei app's OAuth 2 access token (client-credentials grant, API.md section 10.3): reused until five minutes
/// before it expires on the service's clock, and fetched by one request at a time however many sends wait for it.
/// </summary>
public sealed class HmsAccessToken(HmsCredentials credentials, Uri tokenEndpoint, TimeProvider clock) : IDisposable
{
    /// <summary>A token is replaced this long before the expiry its answer gave.</summary>
    public static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _fetch = new(1, 1);
    private volatile Issued? _current;

    /// <summary>The current token, fetched first when there is none or it is within five minutes of its expiry.</summary>
    /// <exception cref="HmsTokenRefusedException">The token endpoint answered with an error.</exception>
    public async ValueTask<string> GetAsync(HttpClient client, CancellationToken cancellationToken)
    {
        if (_current is { } current && clock.GetUtcNow() < current.RenewAt)
        {
            return current.Value;
        }

        return await FetchAsync(client, stale: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fetches a new token unless another send already replaced <paramref name="rejected"/>.</summary>
    public Task<string> RenewAsync(HttpClient client, string rejected, CancellationToken cancellationToken) =>
        FetchAsync(client, rejected, cancellationToken);

    public void Dispose() => _fetch.Dispose();

    private async Task<string> FetchAsync(HttpClient client, string? stale, CancellationToken cancellationToken)
    {
        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A send that waited here finds the token another one fetched meanwhile.
            if (_current is { } current && current.Value != stale && clock.GetUtcNow() < current.RenewAt)
            {
                return current.Value;
            }

            var issued = await RequestAsync(client, cancellationToken).ConfigureAwait(false);
            _current = issued;
            return issued.Value;
        }
        finally
        {
            _fetch.Release();
        }
    }

    private async Task<Issued> RequestAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", credentials.AppId),
            new("client_secret", credentials.ClientSecret),
        ]);
        var requestedAt = clock.GetUtcNow();
        using var response = await client.PostAsync(tokenEndpoint, form, cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string? value = null, error = null;
        long expiresIn = 0;
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                value = root.TryGetProperty("access_token", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
                expiresIn = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt64(out var seconds) ? seconds : 0;
                error = root.TryGetProperty("error", out var code) ? code.ToString() : null;
            }
        }
        catch (JsonException)
        {
            // An answer without a JSON body is judged by its status alone.
        }

        if (response.StatusCode != HttpStatusCode.OK || string.IsNullOrEmpty(value))
        {
            throw new HmsTokenRefusedException(
                response.StatusCode, error ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), ProviderRetry.RetryAfter(response, clock.GetUtcNow()));
        }

        return new Issued(value, requestedAt + TimeSpan.FromSeconds(expiresIn) - RenewBeforeExpiry);
    }

    private sealed record Issued(string Value, DateTimeOffset RenewAt)
    {
        public override string ToString() => $"Issued {{ RenewAt = {RenewAt:O} }}";
    }
}

/// <summary>Huawei's token endpoint refused to issue an access token; <see cref="Reason"/> is its <c>error</c> code, else the HTTP status.</summary>
public sealed class HmsTokenRefusedException(HttpStatusCode status, string reason, TimeSpan? retryAfter)
    : Exception($"The Huawei token endpoint answered {(int)status} ({reason}).")
{
    public HttpStatusCode Status { get; } = status;

    public string Reason { get; } = reason;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
