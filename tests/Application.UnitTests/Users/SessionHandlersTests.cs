using Mediator;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.UnitTests.Support;
using PushTokenService.Application.Users.Commands.Logout;
using PushTokenService.Application.Users.Queries.AuthenticateSession;
using PushTokenService.Domain.Users;

namespace PushTokenService.Application.UnitTests.Users;

/// <summary>Each test gets its own mocks and clock.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SessionHandlersTests
{
    private static readonly byte[] TokenHash = [9, 8, 7];

    private readonly Mock<ISessionRepository> _sessions = new(MockBehavior.Strict);
    private readonly Mock<ISessionTokens> _tokens = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _clock = new(Fixtures.Now);

    [TestCase(null)]
    [TestCase("")]
    public async Task Request_without_a_token_is_no_token(string? token)
    {
        var exception = await Assert.ThrowsAsync<UnauthenticatedException>(async () => await Authenticate(token));

        Assert.That(exception!.Error, Is.EqualTo("no token"));
        _sessions.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Unknown_token_is_invalid_token()
    {
        ExpectLookup(null);

        var exception = await Assert.ThrowsAsync<UnauthenticatedException>(async () => await Authenticate("some-token"));

        Assert.That(exception!.Error, Is.EqualTo("invalid token"));
    }

    [Test]
    public async Task Expired_session_is_invalid_token()
    {
        ExpectLookup(new Session(41, 7, Fixtures.Now.AddDays(1)));
        _clock.Advance(TimeSpan.FromDays(1));

        var exception = await Assert.ThrowsAsync<UnauthenticatedException>(async () => await Authenticate("some-token"));

        Assert.That(exception!.Error, Is.EqualTo("invalid token"));
    }

    [Test]
    public async Task Live_session_is_found_by_the_hash_of_its_token()
    {
        var session = new Session(41, 7, Fixtures.Now.AddDays(1));
        ExpectLookup(session);
        _clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMilliseconds(1));

        var found = await Authenticate("some-token");

        Assert.That(found, Is.EqualTo(session));
    }

    [Test]
    public async Task Logout_revokes_the_callers_session()
    {
        _sessions.Setup(s => s.RevokeAsync(Fixtures.Caller.Id, It.IsAny<CancellationToken>())).ReturnsAsync(1);

        var result = await new LogoutCommandHandler(_sessions.Object).Handle(new LogoutCommand(Fixtures.Caller), CancellationToken.None);

        Assert.That(result, Is.EqualTo(Unit.Value));
        _sessions.Verify(s => s.RevokeAsync(Fixtures.Caller.Id, It.IsAny<CancellationToken>()), Times.Once);
    }

    private void ExpectLookup(Session? session)
    {
        _tokens.Setup(t => t.Hash("some-token")).Returns(TokenHash);
        _sessions.Setup(s => s.FindByTokenHashAsync(TokenHash, It.IsAny<CancellationToken>())).ReturnsAsync(session);
    }

    private Task<Session> Authenticate(string? token) =>
        new AuthenticateSessionQueryHandler(_sessions.Object, _tokens.Object, _clock)
            .Handle(new AuthenticateSessionQuery(token), CancellationToken.None)
            .AsTask();
}
