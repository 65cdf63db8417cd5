using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.Common.Metrics;
using PushTokenService.Application.Common.Options;
using PushTokenService.Application.Delivery.Commands.SendPush;
using PushTokenService.Application.UnitTests.Support;
using PushTokenService.Domain.Delivery;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.UnitTests.Delivery;

public sealed class SendPushCommandHandlerTests
{
    private const string Bundle = "com.lancens.app";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    // The channels are told to stop 200 ms before a 10-s send does.
    private static readonly TimeSpan ChannelDeadline = Deadline - TimeSpan.FromMilliseconds(200);

    private FakeTimeProvider _clock = null!;
    private Mock<IAdminTokenRepository> _repository = null!;
    private List<PushTokenRecord> _records = null!;
    private List<PushTokenInvalidation> _invalidations = null!;
    private int _deleted;
    private Dictionary<PushChannel, Mock<IPushChannel>> _channels = null!;
    private Dictionary<PushChannel, List<(PushMessage Message, IReadOnlyList<PushTarget> Targets)>> _sends = null!;

    [SetUp]
    public void EveryChannelConfiguredAndSending()
    {
        _clock = new FakeTimeProvider(Fixtures.Now);
        _records = [];
        _invalidations = [];
        _deleted = 1;
        _repository = new Mock<IAdminTokenRepository>();
        _repository.Setup(r => r.ListByUsersAsync(It.IsAny<TokenKind>(), It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TokenKind kind, IReadOnlyCollection<long> users, CancellationToken _) =>
                _records.Where(r => r.Kind == kind && users.Contains(r.UserId)).ToList());
        _repository.Setup(r => r.InvalidateAsync(It.IsAny<PushTokenInvalidation>(), It.IsAny<CancellationToken>()))
            .Callback<PushTokenInvalidation, CancellationToken>((invalidation, _) => _invalidations.Add(invalidation))
            .ReturnsAsync(() => _deleted);
        _channels = [];
        _sends = [];
        foreach (var channel in new[] { PushChannel.Apns, PushChannel.Fcm, PushChannel.Hms })
        {
            Answer(channel, target => new PushDelivery(target.Record.Id, PushOutcome.Sent, ProviderId: $"{channel.Name()}-{target.Record.Id}"));
        }
    }

    [Test]
    public async Task Send_groups_targets_by_channel_and_addresses_each_by_its_channels_token()
    {
        var iphone = Add(1, platform: "", pushToken: "apns-token-1");
        var ipad = Add(2, platform: "", pushToken: "apns-token-2");
        var pixel = Add(3, platform: "FCM", osToken: "fcm-token-3");
        var mate = Add(4, platform: "HUAWEI", osToken: "hms-token-4");

        var response = await Handle("""{"kind":"ring","user_ids":[7]}""");

        Assert.Multiple(() =>
        {
            Assert.That(_sends[PushChannel.Apns].Single().Targets, Is.EqualTo(new[] { new PushTarget(iphone, "apns-token-1"), new PushTarget(ipad, "apns-token-2") }));
            Assert.That(_sends[PushChannel.Fcm].Single().Targets, Is.EqualTo(new[] { new PushTarget(pixel, "fcm-token-3") }));
            Assert.That(_sends[PushChannel.Hms].Single().Targets, Is.EqualTo(new[] { new PushTarget(mate, "hms-token-4") }));
            Assert.That(response.Sent, Is.EqualTo(4));
            Assert.That(response.Results.Select(r => (r.TokenId, r.Channel, r.Outcome, r.ProviderId)), Is.EqualTo(new[]
            {
                (1L, "apns", "sent", "apns-1"), (2L, "apns", "sent", "apns-2"), (3L, "fcm", "sent", "fcm-3"), (4L, "hms", "sent", "hms-4"),
            }));
        });
    }

    [Test]
    public async Task Message_carries_the_send_and_its_defaults()
    {
        Add(1, kind: TokenKind.Ring);
        Add(2, kind: TokenKind.Message);

        var ring = await Handle("""{"kind":"ring","user_ids":[7],"title":"","body":"Front door"}""");
        var message = await Handle("""{"kind":"message","user_ids":[7],"title":"Parcel","data":{"event":"press"},"ttl_seconds":0,"collapse_id":"door-1"}""");

        var sent = _sends[PushChannel.Apns].Select(send => send.Message).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ring.PushId, Does.Match("^[0-9a-f]{32}$"));
            Assert.That(sent[0], Is.EqualTo(sent[0] with
            {
                PushId = ring.PushId, Kind = TokenKind.Ring, Title = null, Body = "Front door", TtlSeconds = 30, CollapseId = null,
                SentAt = Fixtures.Now, Deadline = Fixtures.Now + ChannelDeadline,
            }));
            Assert.That(sent[0].Data, Is.Empty);
            Assert.That(sent[1], Is.EqualTo(sent[1] with
            {
                PushId = message.PushId, Kind = TokenKind.Message, Title = "Parcel", Body = null, TtlSeconds = 0, CollapseId = "door-1",
            }));
            Assert.That(sent[1].Data, Is.EqualTo(new Dictionary<string, string> { ["event"] = "press" }));
            Assert.That(message.PushId, Is.Not.EqualTo(ring.PushId));
        });
    }

    [Test]
    public async Task Message_without_ttl_lives_a_day()
    {
        Add(1, kind: TokenKind.Message);

        await Handle("""{"kind":"message","user_ids":[7]}""");

        Assert.That(_sends[PushChannel.Apns].Single().Message.TtlSeconds, Is.EqualTo(86_400));
    }

    [Test]
    public async Task Record_of_a_channel_without_credentials_for_its_app_is_not_configured_and_not_sent()
    {
        _channels[PushChannel.Fcm].Setup(c => c.IsConfigured("com.lancens.pro")).Returns(false);
        Add(1, platform: "FCM", bundleId: "com.lancens.pro");
        Add(2, platform: "FCM");

        var response = await Handle("""{"kind":"ring","user_ids":[7]}""");

        Assert.Multiple(() =>
        {
            Assert.That(response.Results.Select(r => (r.TokenId, r.Outcome)), Is.EqualTo(new[] { (1L, "not_configured"), (2L, "sent") }));
            Assert.That(response.NotConfigured, Is.EqualTo(1));
            Assert.That(_sends[PushChannel.Fcm].Single().Targets.Select(t => t.Record.Id), Is.EqualTo(new[] { 2L }));
        });
    }

    [Test]
    public async Task Record_of_a_channel_nobody_registered_is_unsupported()
    {
        Add(1, platform: "VIVO", osToken: "vivo-1");

        var response = await Handle("""{"kind":"ring","user_ids":[7]}""");

        Assert.Multiple(() =>
        {
            Assert.That(response.Results.Single(), Is.EqualTo(new PushResultResponse(1, 7, "vivo", "unsupported", null, null)));
            Assert.That(response.Unsupported, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Dry_run_resolves_every_channel_and_contacts_none()
    {
        Add(1, platform: "");
        Add(2, platform: "HUAWEI");
        Add(3, platform: "MEIZU");

        var response = await Handle("""{"kind":"ring","user_ids":[7],"dry_run":true}""");

        Assert.Multiple(() =>
        {
            Assert.That(response.Results.Select(r => (r.Channel, r.Outcome)), Is.EqualTo(new[] { ("apns", "dry_run"), ("hms", "dry_run"), ("meizu", "dry_run") }));
            Assert.That(response with { Results = [] }, Is.EqualTo(new SendPushResponse(response.PushId, 3, 0, 0, 0, 0, 0, [])));
            Assert.That(_sends, Is.Empty);
        });
    }

    [Test]
    public async Task Send_to_one_app_skips_the_records_of_other_apps()
    {
        Add(1, bundleId: "com.lancens.app");
        Add(2, bundleId: "com.lancens.pro");

        var response = await Handle("""{"kind":"ring","user_ids":[7],"bundleid":"com.lancens.pro"}""");

        Assert.That(response.Results.Select(r => r.TokenId), Is.EqualTo(new[] { 2L }));
    }

    [Test]
    public async Task Target_without_an_answer_at_the_deadline_fails_with_reason_deadline()
    {
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _channels[PushChannel.Apns]
            .Setup(c => c.SendAsync(It.IsAny<PushMessage>(), It.IsAny<IReadOnlyList<PushTarget>>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                asked.SetResult();
                return new TaskCompletionSource<IReadOnlyList<PushDelivery>>().Task;
            });
        Add(1, platform: "");
        Add(2, platform: "");

        var handling = Handle("""{"kind":"ring","user_ids":[7]}""");
        await asked.Task;
        _clock.Advance(Deadline - TimeSpan.FromTicks(1));
        Assert.That(handling.IsCompleted, Is.False, "the send waits until its deadline");
        _clock.Advance(TimeSpan.FromTicks(1));
        var response = await handling;

        Assert.Multiple(() =>
        {
            Assert.That(response.Results.Select(r => (r.TokenId, r.Outcome, r.Reason)), Is.EqualTo(new[] { (1L, "failed", "deadline"), (2L, "failed", "deadline") }));
            Assert.That(response.Failed, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task What_a_channel_answered_before_its_deadline_stays_in_the_results()
    {
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _channels[PushChannel.Apns]
            .Setup(c => c.SendAsync(It.IsAny<PushMessage>(), It.IsAny<IReadOnlyList<PushTarget>>(), It.IsAny<CancellationToken>()))
            .Returns(async (PushMessage _, IReadOnlyList<PushTarget> _, CancellationToken stop) =>
            {
                // Like a real channel: record 1 was answered, record 2 never is; at its stop it reports both.
                asked.SetResult();
                await Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);
                return (IReadOnlyList<PushDelivery>)
                [
                    new PushDelivery(1, PushOutcome.Sent, ProviderId: "apns-1"),
                    new PushDelivery(2, PushOutcome.Failed, "deadline"),
                ];
            });
        Add(1, platform: "");
        Add(2, platform: "");

        var handling = Handle("""{"kind":"ring","user_ids":[7]}""");
        await asked.Task;
        _clock.Advance(ChannelDeadline);
        // Guarded in real time: a channel told to stop only at the send's own deadline would leave the send hanging here.
        var response = await handling.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(
            response.Results.Select(r => (r.TokenId, r.Outcome, r.Reason)),
            Is.EqualTo(new[] { (1L, "sent", (string?)null), (2L, "failed", "deadline") }));
    }

    [Test]
    public async Task Target_a_channel_left_without_a_delivery_fails_with_reason_deadline()
    {
        Answer(PushChannel.Apns, target => target.Record.Id == 1 ? new PushDelivery(1, PushOutcome.Sent) : null);
        Add(1, platform: "");
        Add(2, platform: "");

        var response = await Handle("""{"kind":"ring","user_ids":[7]}""");

        Assert.That(response.Results.Select(r => (r.Outcome, r.Reason)), Is.EqualTo(new[] { ("sent", (string?)null), ("failed", "deadline") }));
    }

    [Test]
    public async Task Channel_that_throws_leaves_its_targets_unreachable_and_the_others_sent()
    {
        _channels[PushChannel.Hms]
            .Setup(c => c.SendAsync(It.IsAny<PushMessage>(), It.IsAny<IReadOnlyList<PushTarget>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("https://push-api.cloud.huawei.com refused"));
        Add(1, platform: "HUAWEI");
        Add(2, platform: "FCM");

        var response = await Handle("""{"kind":"ring","user_ids":[7]}""");

        Assert.That(response.Results.Select(r => (r.Outcome, r.Reason)), Is.EqualTo(new[] { ("failed", "unreachable"), ("sent", (string?)null) }));
    }

    [Test]
    public async Task Dead_apns_token_deletes_its_record_in_its_environment_and_app_unless_refreshed_since()
    {
        var invalidSince = Fixtures.Now.AddMinutes(-5);
        Answer(PushChannel.Apns, target => new PushDelivery(target.Record.Id, PushOutcome.Invalidated, "Unregistered", InvalidSince: invalidSince));
        Add(1, platform: "", pushToken: "apns-dead", bundleId: "com.lancens.pro", dev: 1);

        var response = await Handle("""{"kind":"ring","user_ids":[7]}""");

        Assert.Multiple(() =>
        {
            Assert.That(_invalidations, Is.EqualTo(new[] { new PushTokenInvalidation(TokenKind.Ring, "apns-dead", null, "com.lancens.pro", 1, invalidSince) }));
            Assert.That(response.Results.Single(), Is.EqualTo(new PushResultResponse(1, 7, "apns", "invalidated", null, "Unregistered")));
            Assert.That(response.Invalidated, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Dead_vendor_token_deletes_the_records_holding_its_os_token_of_the_kind()
    {
        Answer(PushChannel.Fcm, target => new PushDelivery(target.Record.Id, PushOutcome.Invalidated, "UNREGISTERED"));
        Add(1, platform: "FCM", osToken: "fcm-dead", kind: TokenKind.Message);

        await Handle("""{"kind":"message","user_ids":[7]}""");

        Assert.That(_invalidations, Is.EqualTo(new[] { new PushTokenInvalidation(TokenKind.Message, null, "fcm-dead", Bundle, null, null) }));
    }

    [Test]
    public async Task Records_sharing_one_dead_token_are_deleted_once_and_share_the_outcome()
    {
        Answer(PushChannel.Fcm, target => new PushDelivery(target.Record.Id, PushOutcome.Invalidated, "UNREGISTERED"));
        Add(1, platform: "FCM", osToken: "fcm-shared", pushToken: "phone-a");
        Add(2, platform: "FCM", osToken: "fcm-shared", pushToken: "phone-b", userId: 8);

        var response = await Handle("""{"kind":"ring","user_ids":[7,8]}""");

        Assert.Multiple(() =>
        {
            Assert.That(_invalidations, Is.EqualTo(new[] { new PushTokenInvalidation(TokenKind.Ring, null, "fcm-shared", Bundle, null, null) }));
            Assert.That(response.Results.Select(r => (r.TokenId, r.Outcome)), Is.EqualTo(new[] { (1L, "invalidated"), (2L, "invalidated") }));
        });
    }

    [Test]
    public async Task Dead_token_of_a_record_changed_during_the_send_fails_with_the_providers_reason()
    {
        _deleted = 0;
        Answer(PushChannel.Hms, target => new PushDelivery(target.Record.Id, PushOutcome.Invalidated, "80300007"));
        Add(1, platform: "HUAWEI");

        var response = await Handle("""{"kind":"ring","user_ids":[7]}""");

        Assert.Multiple(() =>
        {
            Assert.That(response.Results.Single(), Is.EqualTo(new PushResultResponse(1, 7, "hms", "failed", null, "80300007")));
            Assert.That((response.Invalidated, response.Failed), Is.EqualTo((0, 1)));
        });
    }

    [Test]
    public async Task Results_are_ascending_token_id_with_one_count_per_outcome()
    {
        Answer(PushChannel.Fcm, target => new PushDelivery(target.Record.Id, PushOutcome.Failed, "QUOTA_EXCEEDED"));
        Answer(PushChannel.Hms, target => new PushDelivery(target.Record.Id, PushOutcome.Invalidated, "80300007"));
        _channels[PushChannel.Apns].Setup(c => c.IsConfigured(Bundle)).Returns(false);
        Add(9, platform: "XIAOMI", userId: 8);
        Add(5, platform: "HUAWEI");
        Add(7, platform: "FCM", userId: 8);
        Add(3, platform: "");
        Add(4, platform: "FCM");

        var response = await Handle("""{"kind":"ring","user_ids":[8,7]}""");

        Assert.Multiple(() =>
        {
            Assert.That(response.Results.Select(r => (r.TokenId, r.UserId, r.Outcome)), Is.EqualTo(new[]
            {
                (3L, 7L, "not_configured"), (4L, 7L, "failed"), (5L, 7L, "invalidated"), (7L, 8L, "failed"), (9L, 8L, "unsupported"),
            }));
            Assert.That(response with { Results = [] }, Is.EqualTo(new SendPushResponse(response.PushId, 5, 0, 1, 2, 1, 1, [])));
        });
    }

    [Test]
    public async Task Every_result_counts_once_in_the_push_metric_by_channel_and_outcome()
    {
        Add(1, platform: "");
        Add(2, platform: "");
        Add(3, platform: "OPPO");
        var counted = new List<(string Channel, string Outcome)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == DeliveryMetrics.MeterName && instrument.Name == "push.deliveries")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var byName = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
            counted.AddRange(Enumerable.Repeat((byName["channel"], byName["outcome"]), (int)value));
        });
        listener.Start();

        await Handle("""{"kind":"ring","user_ids":[7]}""");

        Assert.That(counted, Is.EquivalentTo(new[] { ("apns", "sent"), ("apns", "sent"), ("oppo", "unsupported") }));
    }

    /// <summary>Scripts a channel: every target gets <paramref name="answer"/>'s delivery, none when it answers null.</summary>
    private void Answer(PushChannel channel, Func<PushTarget, PushDelivery?> answer)
    {
        var mock = _channels.TryGetValue(channel, out var existing) ? existing : new Mock<IPushChannel>();
        mock.SetupGet(c => c.Channel).Returns(channel);
        mock.Setup(c => c.IsConfigured(It.IsAny<string>())).Returns(true);
        mock.Setup(c => c.SendAsync(It.IsAny<PushMessage>(), It.IsAny<IReadOnlyList<PushTarget>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((PushMessage message, IReadOnlyList<PushTarget> targets, CancellationToken _) =>
            {
                lock (_sends)
                {
                    _sends.TryAdd(channel, []);
                    _sends[channel].Add((message, targets));
                }

                return targets.Select(answer).OfType<PushDelivery>().ToList();
            });
        _channels[channel] = mock;
    }

    private PushTokenRecord Add(
        long id, string platform = "", string pushToken = "apns-token", string osToken = "", string bundleId = Bundle, int dev = 0,
        TokenKind kind = TokenKind.Ring, long userId = 7)
    {
        var record = new PushTokenRecord(
            id, userId, kind, pushToken, "en", dev, bundleId, "", platform.Length > 0 && osToken.Length == 0 ? $"{platform}-os-{id}" : osToken, platform,
            Fixtures.Now.AddDays(-1), Fixtures.Now.AddDays(-1));
        _records.Add(record);
        return record;
    }

    private async Task<SendPushResponse> Handle(string json)
    {
        using var meters = new TestMeterFactory();
        var handler = new SendPushCommandHandler(
            _repository.Object,
            _channels.Values.Select(mock => mock.Object),
            new DeliveryMetrics(meters),
            Options.Create(new PushDeliveryOptions { DeadlineSeconds = Deadline.TotalSeconds }),
            _clock,
            NullLogger<SendPushCommandHandler>.Instance);
        return await handler.Handle(SendPushCommand.FromBody(Bodies.Parse(json)), CancellationToken.None);
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(meter => meter.Dispose());
    }
}
