namespace PushTokenService.FakeProviders.Hms;

/// <summary>How the fake Push Kit answers a request holding one token; of a request's tokens, the script declared last wins.</summary>
public enum HmsScript
{
    /// <summary>Delivered: <c>80000000</c> when every token of the request is (what an unscripted token gets).</summary>
    Success,

    /// <summary>An illegal token: the request answers <c>80100000</c> with it in <c>illegal_tokens</c>.</summary>
    Illegal,

    /// <summary>The request answers <c>80300007</c>, all tokens invalid.</summary>
    AllInvalid,

    /// <summary>The request answers <c>80100003</c>, an illegal message.</summary>
    IllegalPayload,

    /// <summary>HTTP 503 the first time, then as the other tokens say.</summary>
    ServiceUnavailableOnce,

    /// <summary><c>81000001</c> (system busy) the first time, then as the other tokens say.</summary>
    BusyOnce,

    /// <summary><c>80200003</c> (OAuth token expired) the first time, then as the other tokens say.</summary>
    TokenExpiredOnce,

    /// <summary>No answer until the client gives up.</summary>
    Never,
}
