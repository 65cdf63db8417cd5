using Microsoft.Extensions.Time.Testing;
using Moq;
using PushTokenService.Application.Admin.Queries.GetRegistryStats;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.UnitTests.Admin;

public sealed class GetRegistryStatsQueryHandlerTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static async Task<RegistryStatsResponse> StatsOf(params PushTokenGroupCount[] groups)
    {
        var repository = new Mock<IAdminTokenRepository>();
        repository.Setup(r => r.CountAsync(Now, It.IsAny<CancellationToken>())).ReturnsAsync(new RegistryCounts(10, 4, groups));
        return await new GetRegistryStatsQueryHandler(repository.Object, new FakeTimeProvider(Now))
            .Handle(new GetRegistryStatsQuery(), CancellationToken.None);
    }

    [Test]
    public async Task Stats_add_up_the_groups_per_kind_and_per_value()
    {
        var stats = await StatsOf(
            new PushTokenGroupCount(TokenKind.Ring, "", "com.a", 0, 5),
            new PushTokenGroupCount(TokenKind.Ring, "HUAWEI", "com.a", 1, 2),
            new PushTokenGroupCount(TokenKind.Ring, "HUAWEI", "com.b", 0, 3),
            new PushTokenGroupCount(TokenKind.Message, "FCM", "com.a", 0, 7));

        Assert.Multiple(() =>
        {
            Assert.That(stats.Users, Is.EqualTo(10));
            Assert.That(stats.LiveSessions, Is.EqualTo(4));
            Assert.That(stats.Records, Is.EqualTo(new PerKind<long>(10, 7)));
            Assert.That(stats.PushPlatforms.Ring, Is.EqualTo(new Dictionary<string, long> { ["HUAWEI"] = 5, ["none"] = 5 }));
            Assert.That(stats.PushPlatforms.Message, Is.EqualTo(new Dictionary<string, long> { ["FCM"] = 7 }));
            Assert.That(stats.BundleIds.Ring, Is.EqualTo(new Dictionary<string, long> { ["com.a"] = 7, ["com.b"] = 3 }));
            Assert.That(stats.BundleIds.Message, Is.EqualTo(new Dictionary<string, long> { ["com.a"] = 7 }));
            Assert.That(stats.Dev.Ring, Is.EqualTo(new Dictionary<string, long> { ["0"] = 8, ["1"] = 2 }));
            Assert.That(stats.Dev.Message, Is.EqualTo(new Dictionary<string, long> { ["0"] = 7 }));
        });
    }

    [Test]
    public async Task Stats_of_an_empty_registry_have_zero_totals_and_empty_breakdowns()
    {
        var stats = await StatsOf();

        Assert.Multiple(() =>
        {
            Assert.That(stats.Records, Is.EqualTo(new PerKind<long>(0, 0)));
            Assert.That(stats.PushPlatforms.Ring, Is.Empty);
            Assert.That(stats.BundleIds.Message, Is.Empty);
            Assert.That(stats.Dev.Ring, Is.Empty);
        });
    }
}
