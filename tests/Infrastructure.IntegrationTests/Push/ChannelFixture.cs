namespace PushTokenService.Infrastructure.IntegrationTests.Push;

/// <summary>A fresh fake provider and channel (a test bed) for each test, on <see cref="Clock"/>.</summary>
public abstract class ChannelFixture<TBed>
    where TBed : IAsyncDisposable
{
    protected TBed Bed { get; private set; } = default!;

    /// <summary>The service's clock and the fake's; a class that steps time overrides it with a FakeTimeProvider.</summary>
    protected virtual TimeProvider Clock => TimeProvider.System;

    [SetUp]
    public async Task StartBedAsync() => Bed = await StartAsync(Clock);

    [TearDown]
    public async Task StopBedAsync() => await Bed.DisposeAsync();

    protected abstract Task<TBed> StartAsync(TimeProvider clock);

    /// <summary>
    /// Steps <paramref name="clock"/> to just before <paramref name="deadline"/>, notes whether <paramref name="send"/>
    /// still waits, then steps past it and answers the send's result.
    /// </summary>
    protected static async Task<(bool WaitedUntilTheDeadline, T Result)> PassTheDeadlineAsync<T>(
        Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, Task<T> send, TimeSpan deadline)
    {
        clock.Advance(deadline - TimeSpan.FromSeconds(1));
        var waited = !send.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));
        return (waited, await send);
    }
}
