namespace PushTokenService.Infrastructure.IntegrationTests.Push.Fcm;

public abstract class FcmChannelFixture : ChannelFixture<FcmTestBed>
{
    protected override Task<FcmTestBed> StartAsync(TimeProvider clock) => FcmTestBed.StartAsync(clock);
}
