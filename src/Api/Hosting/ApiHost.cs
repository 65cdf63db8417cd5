using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace PushTokenService.Api.Hosting;

/// <summary>
/// The web host around the API: its default address, Kestrel's body limit, graceful shutdown, HSTS and socket
/// completions. Kestrel's other limits bind from the <c>Kestrel</c> section of configuration (appsettings.json), where
/// they are tighter than Kestrel's defaults: a phone sends a short request line and a dozen short headers.
/// </summary>
public static class ApiHost
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The configuration section of Kestrel's own options (limits, Server header).</summary>
    public const string KestrelSection = "Kestrel";

    public static WebApplicationBuilder ConfigureApiHost(this WebApplicationBuilder builder)
    {
        SocketCompletions.PreferInline(builder.Configuration);

        // The contract's default address (API.md section 9). Set here, not in appsettings.json, where it would override
        // ASPNETCORE_URLS and ASPNETCORE_HTTP_PORTS: configuration files come after the ASPNETCORE_ variables.
        if (new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }.All(key => string.IsNullOrEmpty(builder.Configuration[key])))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Kestrel's limits from its configuration section; a body over Limits:MaxBodyBytes is refused by Kestrel too,
        // also on endpoints that never read their body.
        builder.Services.AddOptions<KestrelServerOptions>()
            .Bind(builder.Configuration.GetSection(KestrelSection))
            .Configure<IOptions<LimitsOptions>>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes);

        // SIGTERM stops accepting and lets in-flight requests finish for this long, inside a container's usual 30 s grace.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return builder;
    }
}
