using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Hardening.Support;

/// <summary>
/// The real service on a SQLite file of its own, with the contract's configuration keys (API.md section 9),
/// every log entry captured at Trace level, optional service doubles, and the client address taken from a test header.
/// </summary>
public sealed class HardeningFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public HardeningFactory(IDictionary<string, string?>? settings = null, string connectionOptions = "")
    {
        DatabasePath = TestDatabase.NewPath();
        _settings = TestDatabase.Settings(DatabasePath, settings, connectionOptions);
    }

    public string DatabasePath { get; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Doubles and decorators, registered after the application's own services.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The hosting environment; WebApplicationFactory's default is Development.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>A connection of the test's own to the service's database file.</summary>
    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment(Environment);
        builder.ConfigureLogging(logging => logging
            .ClearProviders()
            .AddProvider(Logs)
            .AddFilter<CapturedLogs>(category: null, LogLevel.Trace));
        builder.ConfigureTestServices(services =>
        {
            services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerAddressFromHeader>();
            TestServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TestDatabase.Delete(DatabasePath);
        }
    }
}
