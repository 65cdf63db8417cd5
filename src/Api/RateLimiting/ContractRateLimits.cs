using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PushTokenService.Api.Authentication;
using PushTokenService.Api.Errors;
using PushTokenService.Application.Common;

namespace PushTokenService.Api.RateLimiting;

/// <summary>ASP.NET Core's rate limiter with the contract's limits: registrations per address, requests per session.</summary>
public static class ContractRateLimits
{
    public const string RegisterPolicy = "register";

    public static IServiceCollection AddContractRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<LoginThrottle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, configured) =>
        {
            var limits = configured.Value;
            options.AddPolicy(RegisterPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.RegisterPerMinute, Window = TimeSpan.FromMinutes(1) }));

            // Partitioned by the token as sent, so that the limit needs no session lookup.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var token = SessionTokenHeader.Read(context.Request);
                return limits.RequestsPerSessionPerMinute == 0 || string.IsNullOrEmpty(token)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetFixedWindowLimiter(token, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.RequestsPerSessionPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                    });
            });

            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                return new ValueTask(WriteTooManyRequestsAsync(context.HttpContext, retryAfter));
            };
        });
        return services;
    }

    public static Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ContractProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorStrings.TooManyRequests);
    }

    /// <summary>The peer's address. Behind a proxy, configure forwarded headers so that this is the phone's.</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
