using Microsoft.Extensions.Time.Testing;
using Moq;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.PushTokens.Commands.UpdatePushToken;
using PushTokenService.Application.PushTokens.Common;
using PushTokenService.Application.UnitTests.Support;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.UnitTests.PushTokens;

/// <summary>Each test gets its own mocks and clock.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class UpdatePushTokenCommandHandlerTests
{
    private readonly Mock<IPushTokenRepository> _repository = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _clock = new(Fixtures.Now);
    private Func<PushTokenRecord, PushTokenValues>? _change;

    [Test]
    public async Task Put_to_a_record_the_caller_does_not_have_is_no_data_error()
    {
        Expect(new UpdatePushTokenOutcome.NotFound());

        var exception = await Assert.ThrowsAsync<NotFoundException>(async () => await Handle("""{"push_token":"abc","language":"en"}"""));

        Assert.That(exception!.Message, Is.EqualTo("no data error"));
    }

    [Test]
    public async Task Put_to_a_token_another_record_of_the_caller_holds_is_push_token_exist_with_that_id()
    {
        Expect(new UpdatePushTokenOutcome.HeldByOtherRecord(ExistingId: 8));

        var exception = await Assert.ThrowsAsync<ConflictException>(async () => await Handle("""{"push_token":"abc","language":"en"}"""));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Error, Is.EqualTo("push_token exist"));
            Assert.That(exception.ExistingId, Is.EqualTo(8));
        });
    }

    [Test]
    public async Task Put_returns_the_updated_record()
    {
        var updated = Fixtures.Record(id: 5) with { Language = "en", UpdatedAt = Fixtures.Now };
        Expect(new UpdatePushTokenOutcome.Updated(updated));

        var response = await Handle("""{"push_token":"abc","language":"en"}""");

        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.EqualTo(5));
            Assert.That(response.Language, Is.EqualTo("en"));
            Assert.That(response.UpdatedAt, Is.EqualTo(Fixtures.Now.UtcDateTime));
            Assert.That(response.CreatedAt, Is.EqualTo(updated.CreatedAt.UtcDateTime));
        });
    }

    [Test]
    public async Task Put_keeps_the_record_values_of_optional_fields_not_sent()
    {
        Expect(new UpdatePushTokenOutcome.Updated(Fixtures.Record()));

        await Handle("""{"push_token":"new","language":"en","bundleid":"","os":null}""");

        var existing = Fixtures.Record();
        Assert.That(_change!(existing), Is.EqualTo(new PushTokenValues(
            "new", "en", existing.Dev, existing.BundleId, existing.Os, existing.OsToken, existing.PushPlatform)));
    }

    [Test]
    public async Task Put_replaces_the_optional_fields_sent_with_push_platform_upper_cased()
    {
        Expect(new UpdatePushTokenOutcome.Updated(Fixtures.Record()));

        await Handle("""{"push_token":"new","language":"en","dev":0,"bundleid":"com.c.app","os":"Vivo","os_token":"v:2","push_platform":"vivo"}""");

        Assert.That(_change!(Fixtures.Record()), Is.EqualTo(new PushTokenValues("new", "en", 0, "com.c.app", "Vivo", "v:2", "VIVO")));
    }

    private Task<PushTokenResponse> Handle(string json) =>
        new UpdatePushTokenCommandHandler(_repository.Object, _clock)
            .Handle(new UpdatePushTokenCommand(TokenKind.Message, Fixtures.Caller, 5, Bodies.Fields(json)), CancellationToken.None)
            .AsTask();

    private void Expect(UpdatePushTokenOutcome outcome)
    {
        _clock.Advance(TimeSpan.FromSeconds(30));
        _repository
            .Setup(r => r.UpdateAsync(
                Fixtures.Caller.UserId, Fixtures.Caller.Id, TokenKind.Message, 5, It.IsAny<Func<PushTokenRecord, PushTokenValues>>(),
                Fixtures.Now.AddSeconds(30), It.IsAny<CancellationToken>()))
            .Callback((long _, long _, TokenKind _, long _, Func<PushTokenRecord, PushTokenValues> change, DateTimeOffset _, CancellationToken _) => _change = change)
            .ReturnsAsync(outcome);
    }
}
