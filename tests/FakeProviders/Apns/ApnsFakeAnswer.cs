using System.Net;

namespace PushTokenService.FakeProviders.Apns;

/// <summary>One answer the fake APNs server gives to a request for a scripted device token.</summary>
/// <param name="Hold">Completes when the answer may go; until then the request stays open.</param>
public sealed record ApnsFakeAnswer(
    HttpStatusCode Status,
    string? Reason = null,
    DateTimeOffset? Timestamp = null,
    TimeSpan? RetryAfter = null,
    Task? Hold = null)
{
    public static readonly ApnsFakeAnswer Sent = new(HttpStatusCode.OK);

    public static readonly ApnsFakeAnswer BadDeviceToken = new(HttpStatusCode.BadRequest, "BadDeviceToken");

    public static readonly ApnsFakeAnswer DeviceTokenNotForTopic = new(HttpStatusCode.BadRequest, "DeviceTokenNotForTopic");

    public static readonly ApnsFakeAnswer ExpiredProviderToken = new(HttpStatusCode.Forbidden, "ExpiredProviderToken");

    public static readonly ApnsFakeAnswer InternalServerError = new(HttpStatusCode.InternalServerError, "InternalServerError");

    /// <summary>Never answers: the request stays open until the client gives up or the server stops.</summary>
    public static readonly ApnsFakeAnswer Never = new(HttpStatusCode.OK, Hold: new TaskCompletionSource().Task);

    /// <summary>410: the token stopped being valid at <paramref name="since"/>.</summary>
    public static ApnsFakeAnswer Unregistered(DateTimeOffset since) => new(HttpStatusCode.Gone, "Unregistered", since);

    public static ApnsFakeAnswer TooManyRequests(TimeSpan retryAfter) => new(HttpStatusCode.TooManyRequests, "TooManyRequests", RetryAfter: retryAfter);

    /// <summary>This answer, once <paramref name="release"/> completes.</summary>
    public ApnsFakeAnswer HeldUntil(Task release) => this with { Hold = release };
}
