namespace PushTokenService.FakeProviders.Fcm;

/// <summary>How the fake FCM answers the sends to one registration token.</summary>
public enum FcmScript
{
    /// <summary>200 with the message's <c>name</c> (what an unscripted token gets).</summary>
    Sent,

    /// <summary>404 <c>NOT_FOUND</c> with <c>errorCode</c> <c>UNREGISTERED</c>.</summary>
    Unregistered,

    /// <summary>400 <c>INVALID_ARGUMENT</c>: "The registration token is not a valid FCM registration token".</summary>
    InvalidToken,

    /// <summary>400 <c>INVALID_ARGUMENT</c> about a field of the message, not the token.</summary>
    InvalidPayload,

    /// <summary>403 <c>PERMISSION_DENIED</c> with <c>errorCode</c> <c>SENDER_ID_MISMATCH</c>.</summary>
    SenderIdMismatch,

    /// <summary>429 <c>QUOTA_EXCEEDED</c> with <c>Retry-After</c> the first time, then 200.</summary>
    RateLimitedOnce,

    /// <summary>401 <c>UNAUTHENTICATED</c> the first time, then 200.</summary>
    UnauthorizedOnce,

    /// <summary>401 <c>UNAUTHENTICATED</c> every time.</summary>
    UnauthorizedForever,

    /// <summary>500 <c>INTERNAL</c> every time.</summary>
    ServerErrorForever,

    /// <summary>No answer until the client gives up.</summary>
    Never,
}
