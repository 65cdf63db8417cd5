using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PushTokenService.Domain.Delivery;
using PushTokenService.FakeProviders.Apns;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Apns;

/// <summary>429, 500 and 503 are tried again, after <c>Retry-After</c> when given, until the send's deadline.</summary>
public sealed class ApnsRetryTests : ApnsChannelFixture
{
    private const string Device = "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";

    [Test]
    public async Task Too_many_requests_is_retried_after_its_retry_after()
    {
        var retryAfter = TimeSpan.FromSeconds(1);
        Bed.Production.Script(Device, ApnsFakeAnswer.TooManyRequests(retryAfter), ApnsFakeAnswer.Sent);
        // Timed on one monotonic clock around the whole send: the fake's wall-clock stamps may disagree with the timer by a tick.
        var elapsed = Stopwatch.StartNew();

        var delivery = await Bed.SendAsync(Device);

        var requests = Bed.Production.RequestsFor(Device);
        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Sent));
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(elapsed.Elapsed, Is.GreaterThanOrEqualTo(retryAfter), "Retry-After, not the shorter backoff, set the wait");
        Assert.That(requests[1].Header("apns-id"), Is.EqualTo(requests[0].Header("apns-id")));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    public async Task Server_error_is_retried_with_backoff_until_sent(HttpStatusCode status)
    {
        Bed.Production.Script(Device, new ApnsFakeAnswer(status, "ServiceUnavailable"), new ApnsFakeAnswer(status), ApnsFakeAnswer.Sent);

        var delivery = await Bed.SendAsync(Device);

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Sent));
        Assert.That(Bed.Production.RequestsFor(Device), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Server_error_until_the_deadline_fails_with_deadline()
    {
        Bed.Production.Script(Device, ApnsFakeAnswer.InternalServerError);

        var delivery = await Bed.SendAsync(Device, Bed.Message(deadline: TimeSpan.FromSeconds(1)));

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Failed));
        Assert.That(delivery.Reason, Is.EqualTo("deadline"));
        Assert.That(Bed.Production.RequestsFor(Device), Has.Count.GreaterThan(1));
    }

    [Test]
    public async Task Unanswered_request_fails_with_deadline()
    {
        Bed.Production.Script(Device, ApnsFakeAnswer.Never);

        var delivery = await Bed.SendAsync(Device, Bed.Message(deadline: TimeSpan.FromSeconds(0.3)));

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Failed));
        Assert.That(delivery.Reason, Is.EqualTo("deadline"));
    }

    [Test]
    public async Task Deadline_of_one_target_leaves_the_others_outcomes()
    {
        Bed.Production.Script("silent", ApnsFakeAnswer.Never);
        var targets = new[] { Bed.Target("silent"), Bed.Target("answering") };

        var deliveries = await Bed.Channel.SendAsync(Bed.Message(deadline: TimeSpan.FromSeconds(2)), targets, CancellationToken.None);

        Assert.That(deliveries.Select(d => d.Outcome), Is.EqualTo(new[] { PushOutcome.Failed, PushOutcome.Sent }));
    }

    [Test]
    public async Task Endpoint_that_never_accepts_a_connection_fails_as_unreachable()
    {
        await using var unreachable = await ApnsTestBed.StartAsync(productionEndpoint: ClosedPort());

        var delivery = await unreachable.SendAsync(Device, unreachable.Message(deadline: TimeSpan.FromSeconds(0.5)));

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Failed));
        Assert.That(delivery.Reason, Is.EqualTo("unreachable"));
    }

    /// <summary>A local address where nothing listens: connecting is refused at once.</summary>
    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
