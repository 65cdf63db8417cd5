using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>
/// TestServer has no client address. This startup filter, in tests only, takes it from <see cref="Header"/>,
/// so that the per-address limits can be driven from many "phones".
/// </summary>
public sealed class PeerAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
