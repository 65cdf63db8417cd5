using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PushTokenService.Api.FunctionalTests.Support;
using PushTokenService.Application.Maintenance.Commands.PurgeStaleRecords;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>The service on a database of its own, with its clock replaced by a <see cref="FakeTimeProvider"/> the test moves.</summary>
public sealed class FakeClockService : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly PushTokenApiFactory _factory;
    private readonly WebApplicationFactory<Program> _service;

    public FakeClockService(ILoggerProvider? logs = null, params (string Key, string? Value)[] settings)
    {
        _factory = new PushTokenApiFactory(AdminApi.Settings(settings));
        _service = _factory.WithWebHostBuilder(builder =>
        {
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                if (logs is not null)
                {
                    services.AddSingleton(logs);
                }
            });
        });
        Client = _service.CreateClient();
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public HttpClient Client { get; }

    public string DatabasePath => _factory.DatabasePath;

    /// <summary>Runs the purge the background job runs, now, and returns what it deleted.</summary>
    public async Task<PurgedRecords> PurgeAsync()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PurgeStaleRecordsCommand());
    }

    public void Dispose()
    {
        Client.Dispose();
        _service.Dispose();
        _factory.Dispose();
        _factory.DeleteDatabase();
    }
}
