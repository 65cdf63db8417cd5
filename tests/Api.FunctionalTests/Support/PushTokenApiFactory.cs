using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>
/// The real service, through its real HTTP pipeline, on a real SQLite file of its own.
/// Settings are the contract's configuration keys (API.md section 9).
/// </summary>
public sealed class PushTokenApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;
    private readonly ILoggerProvider? _logs;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="settings">Configuration keys of API.md section 9 that differ from the defaults.</param>
    /// <param name="databasePath">An existing database to start on (a restart), or null for a new one.</param>
    /// <param name="clock">The service's clock, e.g. a FakeTimeProvider that a test advances; null for the system clock.</param>
    /// <param name="logs">An extra logger provider that sees every log line of the service.</param>
    /// <param name="services">Replaces services of the host, e.g. with one that fails.</param>
    public PushTokenApiFactory(
        IDictionary<string, string?>? settings = null,
        string? databasePath = null,
        TimeProvider? clock = null,
        ILoggerProvider? logs = null,
        Action<IServiceCollection>? services = null)
    {
        _clock = clock;
        _logs = logs;
        _services = services;
        DatabasePath = databasePath ?? TestDatabase.NewPath();
        _settings = TestDatabase.Settings(DatabasePath, settings);
    }

    public string DatabasePath { get; }

    /// <summary>Deletes the database file and its folder.</summary>
    public void DeleteDatabase() => TestDatabase.Delete(DatabasePath);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }

        if (_clock is not null)
        {
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(_clock);
            });
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
