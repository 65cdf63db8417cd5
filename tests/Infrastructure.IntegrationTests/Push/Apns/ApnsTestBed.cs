using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;
using PushTokenService.FakeProviders.Apns;
using PushTokenService.Infrastructure.Push.Apns;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Apns;

/// <summary>
/// The APNs channel as the service registers it, configured for one app whose production and sandbox endpoints are two
/// fake APNs servers that trust the app's key.
/// </summary>
public sealed class ApnsTestBed : IAsyncDisposable
{
    public const string BundleId = "com.lancens.app";

    private readonly string _keyFolder;
    private readonly ServiceProvider _services;
    private long _nextRecordId;

    private ApnsTestBed(
        ApnsTestKey key, string keyFolder, FakeApnsServer production, FakeApnsServer sandbox, TimeProvider clock, Uri? productionEndpoint)
    {
        Key = key;
        _keyFolder = keyFolder;
        Production = production;
        Sandbox = sandbox;
        Clock = clock;
        var settings = new Dictionary<string, string?>
        {
            ["Push:Apns:ProductionEndpoint"] = (productionEndpoint ?? production.Endpoint).AbsoluteUri,
            ["Push:Apns:SandboxEndpoint"] = sandbox.Endpoint.AbsoluteUri,
            [ApnsOptions.Key(BundleId, "TeamId")] = key.TeamId,
            [ApnsOptions.Key(BundleId, "KeyId")] = key.KeyId,
            [ApnsOptions.Key(BundleId, "PrivateKeyFile")] = key.WriteP8File(keyFolder),
        };
        _services = ChannelHost.Services(settings, clock, (s, c) => s.AddApnsChannel(c));
        Channel = _services.GetRequiredService<ApnsChannel>();
    }

    public ApnsTestKey Key { get; }

    public FakeApnsServer Production { get; }

    public FakeApnsServer Sandbox { get; }

    public TimeProvider Clock { get; }

    public ApnsChannel Channel { get; }

    /// <param name="clock">The channel's and the fake servers' clock; the system clock when null.</param>
    /// <param name="serverKey">The key the fake servers trust; the app's own key when null.</param>
    /// <param name="productionEndpoint">Where dev 0 goes instead of the fake production server.</param>
    public static async Task<ApnsTestBed> StartAsync(
        TimeProvider? clock = null, ApnsTestKey? serverKey = null, Uri? productionEndpoint = null)
    {
        clock ??= TimeProvider.System;
        var key = ApnsTestKey.Create();
        var production = await FakeApnsServer.StartAsync([serverKey ?? key], clock);
        var sandbox = await FakeApnsServer.StartAsync([serverKey ?? key], clock);
        var folder = Path.Combine(Path.GetTempPath(), "apns-channel-tests", Guid.NewGuid().ToString("N"));
        return new ApnsTestBed(key, folder, production, sandbox, clock, productionEndpoint);
    }

    /// <summary>A send whose deadline is <paramref name="deadline"/> from now (10 s when null).</summary>
    public PushMessage Message(
        TokenKind kind = TokenKind.Ring,
        string? title = null,
        string? body = null,
        IReadOnlyDictionary<string, string>? data = null,
        int ttlSeconds = 30,
        string? collapseId = null,
        TimeSpan? deadline = null)
    {
        var now = Clock.GetUtcNow();
        return new PushMessage(
            "push-" + Guid.NewGuid().ToString("N"),
            kind,
            title,
            body,
            data ?? new Dictionary<string, string>(),
            ttlSeconds,
            collapseId,
            now,
            now + (deadline ?? TimeSpan.FromSeconds(10)));
    }

    /// <summary>An APNs record (no push platform) of <paramref name="pushToken"/>.</summary>
    public PushTarget Target(string pushToken, int dev = 0, string bundleId = BundleId, TokenKind kind = TokenKind.Ring) =>
        Pushes.Target(Interlocked.Increment(ref _nextRecordId), pushToken, bundleId, "", dev, kind);

    /// <summary>Sends <paramref name="message"/> (a ring when null) to one device and answers its delivery.</summary>
    public async Task<PushDelivery> SendAsync(string pushToken, PushMessage? message = null, int dev = 0)
    {
        message ??= Message();
        var deliveries = await Channel.SendAsync(message, [Target(pushToken, dev, kind: message.Kind)], CancellationToken.None);
        return deliveries.Single();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Production.DisposeAsync();
        await Sandbox.DisposeAsync();
        Key.Dispose();
        Directory.Delete(_keyFolder, recursive: true);
    }
}
