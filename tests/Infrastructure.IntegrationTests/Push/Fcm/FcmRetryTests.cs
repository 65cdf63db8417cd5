using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;
using PushTokenService.FakeProviders.Fcm;
using PushTokenService.Infrastructure.Push.Fcm;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Fcm;

/// <summary>429, 500 and 503 are tried again, after <c>Retry-After</c> when given, until the send's deadline.</summary>
public sealed class FcmRetryTests : FcmChannelFixture
{
    [Test]
    public async Task Rate_limited_send_is_sent_again_after_its_retry_after()
    {
        Bed.Fake.RetryAfterSeconds = 1;
        Bed.Fake.Script("fcm-token-1", FcmScript.RateLimitedOnce);
        var elapsed = Stopwatch.StartNew();

        var delivery = (await Bed.SendAsync(Pushes.Ring(), FcmTestBed.Target(1, "fcm-token-1"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Sent));
            Assert.That(Bed.Fake.Sends, Has.Count.EqualTo(2));
            Assert.That(elapsed.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)), "Retry-After, not the shorter backoff, set the wait");
        });
    }

    [Test]
    public async Task Server_error_is_tried_again_until_the_deadline()
    {
        Bed.Fake.Script("fcm-token-1", FcmScript.ServerErrorForever);

        var delivery = (await Bed.SendAsync(Pushes.Ring(deadline: TimeSpan.FromSeconds(0.5)), FcmTestBed.Target(1, "fcm-token-1"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(delivery, Is.EqualTo(new PushDelivery(1, PushOutcome.Failed, "deadline")));
            Assert.That(Bed.Fake.Sends, Has.Count.GreaterThan(1));
        });
    }

    [Test]
    public async Task Unreachable_fcm_fails_as_unreachable_at_the_deadline()
    {
        var closedPort = new TcpListener(IPAddress.Loopback, 0);
        closedPort.Start();
        var port = ((IPEndPoint)closedPort.LocalEndpoint).Port;
        closedPort.Stop();
        await using var services = ChannelHost.Services(
            FcmTestBed.Settings(new Uri($"http://127.0.0.1:{port}/"), Bed.Account.Path), TimeProvider.System, (s, c) => s.AddFcmChannel(c));

        var deliveries = await services.GetRequiredService<FcmChannel>()
            .SendAsync(Pushes.Ring(deadline: TimeSpan.FromSeconds(0.5)), [FcmTestBed.Target(1, "fcm-token-1")], CancellationToken.None);

        Assert.That(deliveries.Single(), Is.EqualTo(new PushDelivery(1, PushOutcome.Failed, "unreachable")));
    }
}
