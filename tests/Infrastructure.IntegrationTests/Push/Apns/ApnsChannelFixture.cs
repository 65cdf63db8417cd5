namespace PushTokenService.Infrastructure.IntegrationTests.Push.Apns;

/// <summary>A fresh channel and fake APNs servers for each test.</summary>
public abstract class ApnsChannelFixture
{
    protected ApnsChannelHarness Apns { get; private set; } = null!;

    [SetUp]
    public async Task StartApnsAsync() => Apns = await ApnsChannelHarness.StartAsync(CreateClock());

    [TearDown]
    public async Task StopApnsAsync() => await Apns.DisposeAsync();

    /// <summary>The clock of the channel and the servers for one test.</summary>
    protected virtual TimeProvider CreateClock() => TimeProvider.System;
}
