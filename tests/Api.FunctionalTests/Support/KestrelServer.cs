using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PushTokenService.Api.FunctionalTests.Support;

public static class KestrelServer
{
    /// <summary>
    /// Starts the factory's app on Kestrel on a free loopback port (TestServer skips Kestrel and its limits)
    /// and returns its address.
    /// </summary>
    public static Uri StartOnLoopback(this PushTokenApiFactory factory)
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }
}
