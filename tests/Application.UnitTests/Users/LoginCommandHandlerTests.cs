using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.Common.Json;
using PushTokenService.Application.Common.Options;
using PushTokenService.Application.UnitTests.Support;
using PushTokenService.Application.Users.Commands.Login;
using PushTokenService.Domain.Users;

namespace PushTokenService.Application.UnitTests.Users;

/// <summary>Each test gets its own mocks and clock.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class LoginCommandHandlerTests
{
    private const string Password = "correct-horse-battery";
    private static readonly byte[] TokenHash = [1, 2, 3];
    private static readonly UserCredentials Alice = new(3, "alice", "stored-hash");

    private readonly Mock<IUserRepository> _users = new(MockBehavior.Strict);
    private readonly Mock<ISessionRepository> _sessions = new(MockBehavior.Strict);
    private readonly Mock<IPasswordHasher> _hasher = new(MockBehavior.Strict);
    private readonly Mock<ISessionTokens> _tokens = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _clock = new(Fixtures.Now);

    [Test]
    public async Task Login_of_an_unknown_user_spends_a_dummy_verification_and_is_username_or_password_error()
    {
        _users.Setup(u => u.FindByUsernameAsync("nobody", It.IsAny<CancellationToken>())).ReturnsAsync((UserCredentials?)null);
        _hasher.Setup(h => h.VerifyAgainstDummy(Password));

        var exception = await Assert.ThrowsAsync<UnauthenticatedException>(async () => await Login("nobody", Password));

        Assert.That(exception!.Error, Is.EqualTo("username or password error"));
        _hasher.Verify(h => h.VerifyAgainstDummy(Password), Times.Once);
    }

    [Test]
    public async Task Login_with_a_wrong_password_is_username_or_password_error_and_opens_no_session()
    {
        _users.Setup(u => u.FindByUsernameAsync("alice", It.IsAny<CancellationToken>())).ReturnsAsync(Alice);
        _hasher.Setup(h => h.Verify("stored-hash", "wrong-password")).Returns(PasswordCheck.Failed);

        var exception = await Assert.ThrowsAsync<UnauthenticatedException>(async () => await Login("alice", "wrong-password"));

        Assert.That(exception!.Error, Is.EqualTo("username or password error"));
        _sessions.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Login_opens_a_session_stored_as_the_token_hash_for_the_configured_lifetime()
    {
        _users.Setup(u => u.FindByUsernameAsync("alice", It.IsAny<CancellationToken>())).ReturnsAsync(Alice);
        _hasher.Setup(h => h.Verify("stored-hash", Password)).Returns(PasswordCheck.Success);
        ExpectNewSession();

        var response = await Login("alice", Password);

        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.EqualTo(3));
            Assert.That(response.Token, Is.EqualTo("new-session-token"));
            Assert.That(response.ExpiresAt, Is.EqualTo(Fixtures.Now.AddDays(2).UtcDateTime));
            Assert.That(response.ExpiresAt.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
        _sessions.Verify(s => s.AddAsync(3, TokenHash, Fixtures.Now, Fixtures.Now.AddDays(2), It.IsAny<CancellationToken>()), Times.Once);
        _users.Verify(u => u.UpdatePasswordHashAsync(It.IsAny<long>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Login_with_a_hash_of_lower_cost_upgrades_it()
    {
        _users.Setup(u => u.FindByUsernameAsync("alice", It.IsAny<CancellationToken>())).ReturnsAsync(Alice);
        _hasher.Setup(h => h.Verify("stored-hash", Password)).Returns(PasswordCheck.SuccessRehashNeeded);
        _hasher.Setup(h => h.Hash(Password)).Returns("stronger-hash");
        _users.Setup(u => u.UpdatePasswordHashAsync(3, "stronger-hash", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        ExpectNewSession();

        var response = await Login("alice", Password);

        Assert.That(response.Token, Is.EqualTo("new-session-token"));
        _users.Verify(u => u.UpdatePasswordHashAsync(3, "stronger-hash", It.IsAny<CancellationToken>()), Times.Once);
    }

    private void ExpectNewSession()
    {
        _tokens.Setup(t => t.NewToken()).Returns("new-session-token");
        _tokens.Setup(t => t.Hash("new-session-token")).Returns(TokenHash);
        _sessions.Setup(s => s.AddAsync(3, TokenHash, Fixtures.Now, Fixtures.Now.AddDays(2), It.IsAny<CancellationToken>())).ReturnsAsync(77);
    }

    private Task<LoginResponse> Login(string username, string password) =>
        new LoginCommandHandler(
                _users.Object, _sessions.Object, _hasher.Object, _tokens.Object,
                Options.Create(new SessionTokenOptions { LifetimeDays = 2 }), _clock)
            .Handle(new LoginCommand(JsonField.FromString(username), JsonField.FromString(password)), CancellationToken.None)
            .AsTask();
}
