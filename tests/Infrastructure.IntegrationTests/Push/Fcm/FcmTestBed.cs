using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.FakeProviders.Fcm;
using PushTokenService.Infrastructure.Push.Fcm;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Fcm;

/// <summary>The FCM channel as the service registers it, pointed at a fake FCM with one service account per app.</summary>
public sealed class FcmTestBed : IAsyncDisposable
{
    public const string App = "com.lancens.app";
    public const string OtherApp = "com.lancens.other";

    private readonly ServiceProvider _services;

    private FcmTestBed(FakeFcmServer fake, FakeServiceAccount account, FakeServiceAccount otherAccount, ServiceProvider services)
    {
        Fake = fake;
        Account = account;
        OtherAccount = otherAccount;
        _services = services;
        Channel = services.GetRequiredService<FcmChannel>();
    }

    public FakeFcmServer Fake { get; }

    /// <summary>The service account of <see cref="App"/>.</summary>
    public FakeServiceAccount Account { get; }

    /// <summary>The service account of <see cref="OtherApp"/>, another project.</summary>
    public FakeServiceAccount OtherAccount { get; }

    public FcmChannel Channel { get; }

    /// <param name="clock">The service's clock and the fake's; null for the system clock.</param>
    public static async Task<FcmTestBed> StartAsync(TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var fake = await FakeFcmServer.StartAsync(clock);
        var account = fake.CreateServiceAccount("doorbell-project");
        var otherAccount = fake.CreateServiceAccount("other-project");
        var services = ChannelHost.Services(Settings(fake.Endpoint, account.Path, otherAccount.Path), clock, (s, c) => s.AddFcmChannel(c));
        return new FcmTestBed(fake, account, otherAccount, services);
    }

    public static Dictionary<string, string?> Settings(Uri endpoint, string serviceAccountFile, string? otherServiceAccountFile = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Push:Fcm:Endpoint"] = endpoint.AbsoluteUri,
            [$"Push:Apps:{App}:Fcm:ServiceAccountFile"] = serviceAccountFile,
        };
        if (otherServiceAccountFile is not null)
        {
            settings[$"Push:Apps:{OtherApp}:Fcm:ServiceAccountFile"] = otherServiceAccountFile;
        }

        return settings;
    }

    public static PushTarget Target(long tokenId, string osToken, string bundleId = App) => Pushes.Target(tokenId, osToken, bundleId, "FCM");

    public Task<IReadOnlyList<PushDelivery>> SendAsync(PushMessage message, params PushTarget[] targets) =>
        Channel.SendAsync(message, targets, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
