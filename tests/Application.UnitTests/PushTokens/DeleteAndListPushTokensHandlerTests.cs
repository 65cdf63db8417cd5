using Mediator;
using Moq;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.PushTokens.Commands.DeletePushToken;
using PushTokenService.Application.PushTokens.Queries.ListPushTokens;
using PushTokenService.Application.UnitTests.Support;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.UnitTests.PushTokens;

/// <summary>Each test gets its own mocks and clock.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DeleteAndListPushTokensHandlerTests
{
    private readonly Mock<IPushTokenRepository> _repository = new(MockBehavior.Strict);

    [Test]
    public async Task Delete_of_the_callers_record_of_that_kind_succeeds()
    {
        _repository.Setup(r => r.DeleteAsync(Fixtures.Caller.UserId, TokenKind.Message, 5, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await new DeletePushTokenCommandHandler(_repository.Object)
            .Handle(new DeletePushTokenCommand(TokenKind.Message, Fixtures.Caller, 5), CancellationToken.None);

        Assert.That(result, Is.EqualTo(Unit.Value));
        _repository.VerifyAll();
    }

    [Test]
    public async Task Delete_of_a_record_the_caller_does_not_have_is_no_data_error()
    {
        _repository.Setup(r => r.DeleteAsync(Fixtures.Caller.UserId, TokenKind.Ring, 5, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var exception = await Assert.ThrowsAsync<NotFoundException>(async () => await new DeletePushTokenCommandHandler(_repository.Object)
            .Handle(new DeletePushTokenCommand(TokenKind.Ring, Fixtures.Caller, 5), CancellationToken.None));

        Assert.That(exception!.Message, Is.EqualTo("no data error"));
    }

    [Test]
    public async Task List_returns_the_callers_records_of_that_kind_in_repository_order()
    {
        var records = new[] { Fixtures.Record(id: 3), Fixtures.Record(id: 9) with { PushToken = "other" } };
        _repository.Setup(r => r.ListAsync(Fixtures.Caller.UserId, TokenKind.Message, It.IsAny<CancellationToken>())).ReturnsAsync(records);

        var response = await new ListPushTokensQueryHandler(_repository.Object)
            .Handle(new ListPushTokensQuery(TokenKind.Message, Fixtures.Caller), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(response.Select(r => r.Id), Is.EqualTo(new long[] { 3, 9 }));
            Assert.That(response.Select(r => r.PushToken), Is.EqualTo(new[] { records[0].PushToken, "other" }));
            Assert.That(response[0].Os, Is.EqualTo("Huawei"));
            Assert.That(response[0].OsToken, Is.EqualTo("huawei-os-token"));
            Assert.That(response[0].PushPlatform, Is.EqualTo("HUAWEI"));
            Assert.That(response[0].Dev, Is.EqualTo(1));
            Assert.That(response[0].BundleId, Is.EqualTo("com.example.app"));
        });
    }

    [Test]
    public async Task List_of_a_caller_without_records_is_empty()
    {
        _repository.Setup(r => r.ListAsync(Fixtures.Caller.UserId, TokenKind.Ring, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var response = await new ListPushTokensQueryHandler(_repository.Object)
            .Handle(new ListPushTokensQuery(TokenKind.Ring, Fixtures.Caller), CancellationToken.None);

        Assert.That(response, Is.Empty);
    }
}
