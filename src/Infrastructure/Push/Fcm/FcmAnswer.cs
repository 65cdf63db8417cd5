using System.Globalization;
using System.Net;
using System.Text.Json;
using Google.Apis.Auth.OAuth2.Responses;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push.Fcm;

/// <summary>
/// What FCM answered one send (API.md section 10.3): 200 with the message's <c>name</c>, or an error whose code is
/// <c>error.details[].errorCode</c>, else <c>error.status</c>.
/// </summary>
/// <param name="Status">The HTTP status; for a refused access-token request, the token endpoint's.</param>
/// <param name="AccessToken">The access token the send carried, to renew it when FCM rejects it.</param>
public sealed record FcmAnswer(
    HttpStatusCode Status,
    string? Name,
    string? ErrorCode,
    string? ErrorStatus,
    string? ErrorMessage,
    TimeSpan? RetryAfter,
    string? AccessToken)
{
    public const string Unregistered = "UNREGISTERED";
    public const string InvalidArgument = "INVALID_ARGUMENT";

    public bool IsTransient => ProviderRetry.IsTransient(Status);

    /// <summary>FCM rejected the access token: renew it and send again, once.</summary>
    public bool RejectsAccessToken => Status == HttpStatusCode.Unauthorized && AccessToken is not null;

    public static async Task<FcmAnswer> ReadAsync(
        HttpResponseMessage response, string accessToken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retryAfter = ProviderRetry.RetryAfter(response, now);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string? name = null, code = null, status = null, message = null;
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            name = String(root, "name");
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                status = String(error, "status");
                message = String(error, "message");
                code = DetailsErrorCode(error);
            }
        }
        catch (JsonException)
        {
            // An answer without a JSON body is judged by its status alone.
        }

        return new FcmAnswer(response.StatusCode, name, code, status, message, retryAfter, accessToken);
    }

    /// <summary>The token endpoint refused the assertion: judged by its status (503 is retried) with the OAuth error as reason.</summary>
    public static FcmAnswer TokenRefused(TokenResponseException exception) =>
        new(exception.StatusCode ?? HttpStatusCode.Unauthorized, null, exception.Error?.Error, null, null, null, null);

    public PushDelivery ToDelivery(long tokenId)
    {
        if (Status == HttpStatusCode.OK)
        {
            return new PushDelivery(tokenId, PushOutcome.Sent, ProviderId: Name);
        }

        if (Status == HttpStatusCode.NotFound && (ErrorCode == Unregistered || ErrorStatus == Unregistered))
        {
            return new PushDelivery(tokenId, PushOutcome.Invalidated, Unregistered);
        }

        if (Status == HttpStatusCode.BadRequest && (ErrorCode == InvalidArgument || ErrorStatus == InvalidArgument) && SaysTokenIsInvalid(ErrorMessage))
        {
            return new PushDelivery(tokenId, PushOutcome.Invalidated, InvalidArgument);
        }

        return new PushDelivery(tokenId, PushOutcome.Failed, ErrorCode ?? ErrorStatus ?? ((int)Status).ToString(CultureInfo.InvariantCulture));
    }

    // FCM: "The registration token is not a valid FCM registration token"; other INVALID_ARGUMENTs name a field of the message.
    private static bool SaysTokenIsInvalid(string? message) =>
        message is not null && message.Contains("registration token", StringComparison.OrdinalIgnoreCase);

    private static string? DetailsErrorCode(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object || !error.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var detail in details.EnumerateArray())
        {
            if (String(detail, "errorCode") is { } code)
            {
                return code;
            }
        }

        return null;
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
