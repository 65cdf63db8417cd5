using OpenTelemetry.Metrics;
using PushTokenService.Application.Common.Metrics;

namespace PushTokenService.Api.Hosting;

/// <summary>
/// <c>GET /metrics</c> in Prometheus text (API.md section 10.4): pushes per channel and outcome, provider call times, and
/// ASP.NET Core's own HTTP server metrics. Metrics only, no tracing: a request pays for its counters and nothing more.
/// <c>Metrics:Enabled</c> false registers none of it, and the path answers 404.
/// </summary>
public static class MetricsEndpoint
{
    public const string EnabledKey = "Metrics:Enabled";

    /// <summary>The meters exported: the delivery's, and the ones ASP.NET Core's hosting and Kestrel record into.</summary>
    private static readonly string[] Meters = [DeliveryMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsEnabled(configuration))
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter());
        }

        return services;
    }

    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint();
        }

        return app;
    }

    private static bool IsEnabled(IConfiguration configuration) => configuration.GetValue(EnabledKey, defaultValue: true);
}
