namespace PushTokenService.Infrastructure.IntegrationTests.Push.Fcm;

/// <summary>A fresh fake FCM and channel for each test, on <see cref="Clock"/>.</summary>
public abstract class FcmChannelFixture
{
    protected FcmTestBed Bed { get; private set; } = null!;

    protected virtual TimeProvider Clock => TimeProvider.System;

    [SetUp]
    public async Task StartBedAsync() => Bed = await FcmTestBed.StartAsync(Clock);

    [TearDown]
    public async Task StopBedAsync() => await Bed.DisposeAsync();
}
