using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PushTokenService.Api.Http;

/// <summary>
/// Kestrel's limits, stated here rather than left to the framework's defaults, so that an upgrade cannot loosen them.
/// A phone sends a short request line and a dozen short headers; anything far beyond is an attack or a bug.
/// </summary>
public static class KestrelLimits
{
    /// <summary>All request headers together; more is 431.</summary>
    public const int MaxRequestHeadersTotalSize = 16 * 1024;

    /// <summary>Request headers; more is 431.</summary>
    public const int MaxRequestHeaderCount = 50;

    /// <summary>Method, path and query; more is 414.</summary>
    public const int MaxRequestLineSize = 4 * 1024;

    /// <summary>A client that has not sent its headers by then is disconnected (slow-header attacks).</summary>
    public static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(10);

    /// <summary>An idle keep-alive connection is closed after this.</summary>
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A body trickling in slower than this, after the grace period, is cut off (slow-body attacks).</summary>
    public static readonly MinDataRate MinRequestBodyDataRate = new(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));

    /// <summary>A client reading the answer slower than this, after the grace period, is cut off.</summary>
    public static readonly MinDataRate MinResponseDataRate = new(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));

    public static void Apply(KestrelServerOptions kestrel, LimitsOptions limits)
    {
        kestrel.AddServerHeader = false;
        var kestrelLimits = kestrel.Limits;
        kestrelLimits.MaxRequestBodySize = limits.MaxBodyBytes;
        kestrelLimits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalSize;
        kestrelLimits.MaxRequestHeaderCount = MaxRequestHeaderCount;
        kestrelLimits.MaxRequestLineSize = MaxRequestLineSize;
        kestrelLimits.RequestHeadersTimeout = RequestHeadersTimeout;
        kestrelLimits.KeepAliveTimeout = KeepAliveTimeout;
        kestrelLimits.MinRequestBodyDataRate = MinRequestBodyDataRate;
        kestrelLimits.MinResponseDataRate = MinResponseDataRate;
    }
}
