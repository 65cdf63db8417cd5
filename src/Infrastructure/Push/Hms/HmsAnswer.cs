using System.Globalization;
using System.Net;
using System.Text.Json;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push.Hms;

/// <summary>
/// What Push Kit answered one request of up to 1000 tokens (API.md section 10.3), by its JSON <c>code</c>:
/// <c>80000000</c> all sent; <c>80100000</c> partial, the <c>illegal_tokens</c> of <c>msg</c> dead and the others sent;
/// <c>80300007</c> all dead; HTTP 503 (or 429, 500) and <c>81000001</c> retried; any other code failed with the code as reason.
/// A dead token's reason is the code that reported it (<c>80100000</c> or <c>80300007</c>).
/// </summary>
/// <param name="AccessToken">The access token the request carried, to renew it when Push Kit rejects it.</param>
public sealed record HmsAnswer(HttpStatusCode Status, string? Code, string? Msg, string? RequestId, TimeSpan? RetryAfter, string? AccessToken)
{
    public const string Success = "80000000";
    public const string PartialSuccess = "80100000";
    public const string AllTokensInvalid = "80300007";
    public const string AccessTokenExpired = "80200003";
    public const string Busy = "81000001";

    public bool IsTransient => ProviderRetry.IsTransient(Status) || Code == Busy;

    /// <summary>Push Kit rejected the access token: renew it and send again, once.</summary>
    public bool RejectsAccessToken => Code == AccessTokenExpired && AccessToken is not null;

    public static async Task<HmsAnswer> ReadAsync(
        HttpResponseMessage response, string accessToken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retryAfter = ProviderRetry.RetryAfter(response, now);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string? code = null, msg = null, requestId = null;
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                code = root.TryGetProperty("code", out var value) ? value.ToString() : null;
                msg = root.TryGetProperty("msg", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
                requestId = root.TryGetProperty("requestId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // An answer without a JSON body is judged by its status alone.
        }

        return new HmsAnswer(response.StatusCode, code, msg, requestId, retryAfter, accessToken);
    }

    /// <summary>The token endpoint refused: judged by its status (503 is retried), its error code the reason.</summary>
    public static HmsAnswer TokenRefused(HmsTokenRefusedException exception) =>
        new(exception.Status, exception.Reason, null, null, exception.RetryAfter, null);

    /// <summary>The outcome of each token of the request, keyed by token.</summary>
    public Func<string, (PushOutcome Outcome, string? Reason)> Outcomes()
    {
        switch (Code)
        {
            case Success when Status == HttpStatusCode.OK:
                return _ => (PushOutcome.Sent, null);
            case AllTokensInvalid:
                return _ => (PushOutcome.Invalidated, AllTokensInvalid);
            case PartialSuccess when IllegalTokens(Msg) is { } illegal:
                return token => illegal.Contains(token) ? (PushOutcome.Invalidated, PartialSuccess) : (PushOutcome.Sent, null);
            default:
                var reason = Code ?? ((int)Status).ToString(CultureInfo.InvariantCulture);
                return _ => (PushOutcome.Failed, reason);
        }
    }

    private static HashSet<string>? IllegalTokens(string? msg)
    {
        if (msg is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(msg);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("illegal_tokens", out var tokens)
                || tokens.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return tokens.EnumerateArray().Where(token => token.ValueKind == JsonValueKind.String).Select(token => token.GetString()!).ToHashSet(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
