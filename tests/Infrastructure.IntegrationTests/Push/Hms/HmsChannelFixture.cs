namespace PushTokenService.Infrastructure.IntegrationTests.Push.Hms;

public abstract class HmsChannelFixture : ChannelFixture<HmsTestBed>
{
    protected override Task<HmsTestBed> StartAsync(TimeProvider clock) => HmsTestBed.StartAsync(clock);
}
