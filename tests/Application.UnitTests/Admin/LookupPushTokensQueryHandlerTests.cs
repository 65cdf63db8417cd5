using Moq;
using PushTokenService.Application.Admin.Common;
using PushTokenService.Application.Admin.Queries.LookupPushTokens;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.UnitTests.Support;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.UnitTests.Admin;

public sealed class LookupPushTokensQueryHandlerTests
{
    private static readonly DateTime Created = Fixtures.Now.AddDays(-3).UtcDateTime;
    private static readonly DateTime Updated = Fixtures.Now.AddDays(-1).UtcDateTime;

    [TestCase("ring", TokenKind.Ring)]
    [TestCase("message", TokenKind.Message)]
    public async Task Lookup_asks_once_for_the_kind_and_each_distinct_user_id(string kind, TokenKind expected)
    {
        var repository = new Mock<IAdminTokenRepository>();
        repository.Setup(r => r.ListByUsersAsync(It.IsAny<TokenKind>(), It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([]);

        await new LookupPushTokensQueryHandler(repository.Object)
            .Handle(new LookupPushTokensQuery(Fields.Text(kind), Fields.Numbers(5, 3, 5, 3)), CancellationToken.None);

        repository.Verify(
            r => r.ListByUsersAsync(expected, It.Is<IReadOnlyCollection<long>>(ids => ids.SequenceEqual(new long[] { 5, 3 })), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Test]
    public async Task Lookup_returns_each_record_with_its_user_id_in_the_repository_order()
    {
        var records = new[] { Fixtures.Record(4, TokenKind.Ring, userId: 3, pushToken: "a"), Fixtures.Record(2, TokenKind.Ring, userId: 5, pushToken: "b") };
        var repository = new Mock<IAdminTokenRepository>();
        repository.Setup(r => r.ListByUsersAsync(TokenKind.Ring, It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(records);

        var response = await new LookupPushTokensQueryHandler(repository.Object)
            .Handle(new LookupPushTokensQuery(Fields.Text("ring"), Fields.Numbers(5, 3)), CancellationToken.None);

        Assert.That(response.Tokens, Is.EqualTo(new[]
        {
            new UserPushTokenResponse(4, 3, "a", "zh-CN", 1, "com.example.app", "Huawei", "huawei-os-token", "HUAWEI", Created, Updated),
            new UserPushTokenResponse(2, 5, "b", "zh-CN", 1, "com.example.app", "Huawei", "huawei-os-token", "HUAWEI", Created, Updated),
        }));
    }
}
