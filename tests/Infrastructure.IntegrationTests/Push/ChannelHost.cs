using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PushTokenService.Infrastructure.IntegrationTests.Push;

/// <summary>A host with one channel registered from configuration keys, as the service registers it.</summary>
public static class ChannelHost
{
    /// <summary>The channel's services on <paramref name="clock"/>; options are not validated (see <see cref="StartAsync"/>).</summary>
    public static ServiceProvider Services(
        IDictionary<string, string?> settings, TimeProvider clock, Action<IServiceCollection, IConfiguration> addChannel)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        addChannel(services, configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Builds and starts a host with the channel: start-up validation runs as in the service.</summary>
    public static async Task StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection, IConfiguration> addChannel)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        addChannel(builder.Services, builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }
}
