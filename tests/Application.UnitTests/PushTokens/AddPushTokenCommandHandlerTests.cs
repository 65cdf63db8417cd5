using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.Common.Options;
using PushTokenService.Application.PushTokens.Commands.AddPushToken;
using PushTokenService.Application.UnitTests.Support;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.UnitTests.PushTokens;

/// <summary>Each test gets its own mocks and clock.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AddPushTokenCommandHandlerTests
{
    private readonly Mock<IPushTokenRepository> _repository = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _clock = new(Fixtures.Now);
    private PushTokenValues? _stored;

    [Test]
    public async Task Post_stores_the_defaults_for_fields_not_sent()
    {
        ExpectAdd(TokenKind.Ring, values => new AddPushTokenOutcome.Created(Record(values)));

        await Handler().Handle(Command(TokenKind.Ring, """{"push_token":"abc","language":"en","bundleid":"","os":null}"""), CancellationToken.None);

        Assert.That(_stored, Is.EqualTo(new PushTokenValues("abc", "en", 0, "com.example.default", "", "", "")));
    }

    [Test]
    public async Task Post_stores_what_was_sent_with_push_platform_upper_cased()
    {
        ExpectAdd(TokenKind.Message, values => new AddPushTokenOutcome.Created(Record(values)));

        await Handler().Handle(
            Command(TokenKind.Message, """{"push_token":"abc","language":"zh-CN","dev":1,"bundleid":"com.b.app","os":"Xiaomi","os_token":"mi:1","push_platform":"xiaomi"}"""),
            CancellationToken.None);

        Assert.That(_stored, Is.EqualTo(new PushTokenValues("abc", "zh-CN", 1, "com.b.app", "Xiaomi", "mi:1", "XIAOMI")));
    }

    [Test]
    public async Task Post_writes_for_the_caller_and_its_session_with_the_configured_cap_at_the_clock_time()
    {
        _clock.Advance(TimeSpan.FromMinutes(3));
        _repository
            .Setup(r => r.AddAsync(Fixtures.Caller.UserId, Fixtures.Caller.Id, TokenKind.Ring, It.IsAny<PushTokenValues>(), 4, Fixtures.Now.AddMinutes(3), It.IsAny<CancellationToken>()))
            .ReturnsAsync((long _, long _, TokenKind _, PushTokenValues values, int _, DateTimeOffset _, CancellationToken _) => new AddPushTokenOutcome.Created(Record(values)));

        var response = await Handler().Handle(Command(TokenKind.Ring, """{"push_token":"abc","language":"en"}"""), CancellationToken.None);

        Assert.That(response.Id, Is.EqualTo(99));
    }

    [Test]
    public async Task Post_returns_the_created_record_with_utc_times()
    {
        ExpectAdd(TokenKind.Ring, values => new AddPushTokenOutcome.Created(Record(values)));

        var response = await Handler().Handle(Command(TokenKind.Ring, """{"push_token":"abc","language":"en","os_token":"t","push_platform":"fcm"}"""), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.EqualTo(99));
            Assert.That(response.PushToken, Is.EqualTo("abc"));
            Assert.That(response.Language, Is.EqualTo("en"));
            Assert.That(response.Dev, Is.Zero);
            Assert.That(response.BundleId, Is.EqualTo("com.example.default"));
            Assert.That(response.Os, Is.Empty);
            Assert.That(response.OsToken, Is.EqualTo("t"));
            Assert.That(response.PushPlatform, Is.EqualTo("FCM"));
            Assert.That(response.CreatedAt, Is.EqualTo(Fixtures.Now.UtcDateTime));
            Assert.That(response.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(response.UpdatedAt, Is.EqualTo(Fixtures.Now.UtcDateTime));
        });
    }

    [Test]
    public async Task Post_of_a_token_the_caller_holds_is_push_token_exist_with_the_existing_id()
    {
        ExpectAdd(TokenKind.Ring, _ => new AddPushTokenOutcome.AlreadyHeld(ExistingId: 12));

        var exception = await Assert.ThrowsAsync<ConflictException>(async () =>
            await Handler().Handle(Command(TokenKind.Ring, """{"push_token":"abc","language":"en"}"""), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Error, Is.EqualTo("push_token exist"));
            Assert.That(exception.ExistingId, Is.EqualTo(12));
        });
    }

    private static PushTokenRecord Record(PushTokenValues values) => new(
        99, Fixtures.Caller.UserId, TokenKind.Ring, values.PushToken, values.Language, values.Dev, values.BundleId, values.Os,
        values.OsToken, values.PushPlatform, Fixtures.Now, Fixtures.Now);

    private static AddPushTokenCommand Command(TokenKind kind, string json) => new(kind, Fixtures.Caller, Bodies.Fields(json));

    private void ExpectAdd(TokenKind kind, Func<PushTokenValues, AddPushTokenOutcome> outcome) =>
        _repository
            .Setup(r => r.AddAsync(Fixtures.Caller.UserId, Fixtures.Caller.Id, kind, It.IsAny<PushTokenValues>(), It.IsAny<int>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((long _, long _, TokenKind _, PushTokenValues values, int _, DateTimeOffset _, CancellationToken _) =>
            {
                _stored = values;
                return outcome(values);
            });

    private AddPushTokenCommandHandler Handler()
    {
        var options = new PushTokenOptions { DefaultBundleId = "com.example.default", MaxRecordsPerKind = 4 };
        return new AddPushTokenCommandHandler(_repository.Object, Options.Create(options), _clock);
    }
}
