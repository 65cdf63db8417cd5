using Microsoft.Extensions.Time.Testing;
using Moq;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.Common.Json;
using PushTokenService.Application.UnitTests.Support;
using PushTokenService.Application.Users.Commands.RegisterUser;

namespace PushTokenService.Application.UnitTests.Users;

/// <summary>Each test gets its own mocks and clock.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RegisterUserCommandHandlerTests
{
    private readonly Mock<IUserRepository> _users = new(MockBehavior.Strict);
    private readonly Mock<IPasswordHasher> _hasher = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _clock = new(Fixtures.Now);

    [Test]
    public async Task Register_stores_only_the_password_hash_and_returns_id_and_username()
    {
        _hasher.Setup(h => h.Hash("correct-horse-battery")).Returns("slow-salted-hash");
        _users.Setup(u => u.AddAsync("Alice", "slow-salted-hash", Fixtures.Now, It.IsAny<CancellationToken>())).ReturnsAsync(12);

        var response = await Register("Alice", "correct-horse-battery");

        Assert.That(response, Is.EqualTo(new RegisteredUserResponse(12, "Alice")));
        _users.Verify(u => u.AddAsync("Alice", "slow-salted-hash", Fixtures.Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Register_of_a_taken_name_is_username_exist()
    {
        _hasher.Setup(h => h.Hash(It.IsAny<string>())).Returns("hash");
        _users.Setup(u => u.AddAsync("alice", "hash", Fixtures.Now, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConflictException("username exist"));

        var exception = await Assert.ThrowsAsync<ConflictException>(async () => await Register("alice", "password1"));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Error, Is.EqualTo("username exist"));
            Assert.That(exception.ExistingId, Is.Null);
        });
    }

    private Task<RegisteredUserResponse> Register(string username, string password) =>
        new RegisterUserCommandHandler(_users.Object, _hasher.Object, _clock)
            .Handle(new RegisterUserCommand(JsonField.FromString(username), JsonField.FromString(password)), CancellationToken.None)
            .AsTask();
}
