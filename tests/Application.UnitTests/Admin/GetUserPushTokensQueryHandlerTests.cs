using Moq;
using PushTokenService.Application.Admin.Queries.GetUserPushTokens;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.PushTokens.Common;
using PushTokenService.Application.UnitTests.Support;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.UnitTests.Admin;

public sealed class GetUserPushTokensQueryHandlerTests
{
    [Test]
    public async Task User_tokens_are_split_by_kind_keeping_the_order_and_the_user_api_shape()
    {
        var records = new[]
        {
            Fixtures.Record(1, TokenKind.Ring, userId: 7, pushToken: "r1"),
            Fixtures.Record(2, TokenKind.Message, userId: 7, pushToken: "m1"),
            Fixtures.Record(3, TokenKind.Ring, userId: 7, pushToken: "r2"),
        };
        var repository = new Mock<IAdminTokenRepository>();
        repository.Setup(r => r.ListByUserAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(records);

        var response = await new GetUserPushTokensQueryHandler(repository.Object).Handle(new GetUserPushTokensQuery(7), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(response.Ring, Is.EqualTo(new[] { records[0].ToResponse(), records[2].ToResponse() }));
            Assert.That(response.Message, Is.EqualTo(new[] { records[1].ToResponse() }));
        });
    }

    [Test]
    public async Task User_tokens_of_a_user_without_records_are_two_empty_lists()
    {
        var repository = new Mock<IAdminTokenRepository>();
        repository.Setup(r => r.ListByUserAsync(It.IsAny<long>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var response = await new GetUserPushTokensQueryHandler(repository.Object).Handle(new GetUserPushTokensQuery(99), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(response.Ring, Is.Empty);
            Assert.That(response.Message, Is.Empty);
        });
    }
}
