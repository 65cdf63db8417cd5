using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>
/// The real service, through its real HTTP pipeline, on a real SQLite file. Settings are the contract's configuration
/// keys (API.md section 9); every log entry of the host, at every level, is kept in <see cref="Logs"/>; the client
/// address can be set per request (<see cref="PeerAddressFromHeader"/>).
/// </summary>
public sealed class PushTokenApiFactory : WebApplicationFactory<Program>
{
    private readonly IDictionary<string, string?>? _overrides;
    private readonly TimeProvider? _clock;
    private readonly ILoggerProvider? _logs;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDatabase;

    /// <param name="settings">Configuration keys of API.md section 9 that differ from the test defaults.</param>
    /// <param name="databasePath">An existing database to start on (a restart), which the caller deletes; null for a new one, deleted with the host.</param>
    /// <param name="clock">The service's clock, e.g. a FakeTimeProvider that a test advances; null for the system clock.</param>
    /// <param name="logs">An extra logger provider that sees the log lines the configured levels let through.</param>
    /// <param name="services">Replaces services of the host, e.g. with one that fails.</param>
    public PushTokenApiFactory(
        IDictionary<string, string?>? settings = null,
        string? databasePath = null,
        TimeProvider? clock = null,
        ILoggerProvider? logs = null,
        Action<IServiceCollection>? services = null)
    {
        _overrides = settings;
        _clock = clock;
        _logs = logs;
        _services = services;
        _ownsDatabase = databasePath is null;
        DatabasePath = databasePath ?? TestDatabase.NewPath();
    }

    public string DatabasePath { get; }

    /// <summary>Added to the connection string, e.g. <c>;Default Timeout=1</c> for a one-second busy wait.</summary>
    public string ConnectionOptions { get; init; } = "";

    /// <summary>The hosting environment; HSTS and Kestrel's production behaviour need <c>Production</c>.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Every log entry of the host at every level, with its values, scopes and exception.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Deletes the database file and its folder.</summary>
    public void DeleteDatabase() => TestDatabase.Delete(DatabasePath);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestDatabase.Settings(DatabasePath, _overrides, ConnectionOptions))
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment(Environment);
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders().AddProvider(new EveryLevel(Logs)).AddFilter<EveryLevel>(category: null, LogLevel.Trace);
            if (_logs is not null)
            {
                logging.AddProvider(_logs);
            }
        });
        builder.ConfigureTestServices(services =>
        {
            services.AddTransient<IStartupFilter, PeerAddressFromHeader>();
            if (_clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(_clock);
            }

            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            DeleteDatabase();
        }
    }

    /// <summary>
    /// <see cref="Logs"/> under a provider type of its own: a level filter names a provider type, and a LogCapture passed
    /// as <c>logs</c> keeps to the configured levels.
    /// </summary>
    private sealed class EveryLevel(LogCapture capture) : ILoggerProvider, ISupportExternalScope
    {
        public ILogger CreateLogger(string categoryName) => capture.CreateLogger(categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => capture.SetScopeProvider(scopeProvider);

        public void Dispose()
        {
        }
    }
}
