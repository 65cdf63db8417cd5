using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.FakeProviders.Hms;
using PushTokenService.Infrastructure.Push.Hms;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Hms;

/// <summary>The Huawei channel as the service registers it, pointed at a fake Push Kit that knows two apps.</summary>
public sealed class HmsTestBed : IAsyncDisposable
{
    public const string App = "com.lancens.app";
    public const string AppId = "104417761";
    public const string Secret = "hms-secret-9f3c1d7e2a";
    public const string OtherApp = "com.lancens.other";
    public const string OtherAppId = "105550001";

    private readonly ServiceProvider _services;

    private HmsTestBed(FakeHmsServer fake, ServiceProvider services)
    {
        Fake = fake;
        _services = services;
        Channel = services.GetRequiredService<HmsChannel>();
    }

    public FakeHmsServer Fake { get; }

    public HmsChannel Channel { get; }

    /// <param name="clock">The service's clock and the fake's; null for the system clock.</param>
    public static async Task<HmsTestBed> StartAsync(TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var fake = await FakeHmsServer.StartAsync(clock);
        fake.AddApp(AppId, Secret);
        fake.AddApp(OtherAppId, Secret + "-other");
        var settings = Settings(fake, Secret);
        settings[$"Push:Apps:{OtherApp}:Hms:AppId"] = OtherAppId;
        settings[$"Push:Apps:{OtherApp}:Hms:ClientSecret"] = Secret + "-other";
        return new HmsTestBed(fake, ChannelHost.Services(settings, clock, (s, c) => s.AddHmsChannel(c)));
    }

    public static Dictionary<string, string?> Settings(FakeHmsServer fake, string secret) => new()
    {
        ["Push:Hms:Endpoint"] = fake.Endpoint.AbsoluteUri,
        ["Push:Hms:TokenEndpoint"] = fake.TokenEndpoint.AbsoluteUri,
        [$"Push:Apps:{App}:Hms:AppId"] = AppId,
        [$"Push:Apps:{App}:Hms:ClientSecret"] = secret,
    };

    public static PushTarget Target(long tokenId, string osToken, string bundleId = App) => Pushes.Target(tokenId, osToken, bundleId, "HUAWEI");

    public Task<IReadOnlyList<PushDelivery>> SendAsync(PushMessage message, params PushTarget[] targets) =>
        Channel.SendAsync(message, targets, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
