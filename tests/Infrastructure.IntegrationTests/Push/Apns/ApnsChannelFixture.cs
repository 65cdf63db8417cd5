namespace PushTokenService.Infrastructure.IntegrationTests.Push.Apns;

public abstract class ApnsChannelFixture : ChannelFixture<ApnsTestBed>
{
    protected override Task<ApnsTestBed> StartAsync(TimeProvider clock) => ApnsTestBed.StartAsync(clock);
}
