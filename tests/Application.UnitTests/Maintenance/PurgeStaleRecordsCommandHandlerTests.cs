using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.Common.Options;
using PushTokenService.Application.Maintenance.Commands.PurgeStaleRecords;

namespace PushTokenService.Application.UnitTests.Maintenance;

public sealed class PurgeStaleRecordsCommandHandlerTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 1, 3, 0, 0, TimeSpan.Zero);

    private Mock<IAdminTokenRepository> _pushTokens = null!;
    private Mock<ISessionRepository> _sessions = null!;
    private PushTokenOptions _options = null!;

    [SetUp]
    public void NothingToDelete()
    {
        _pushTokens = new Mock<IAdminTokenRepository>();
        _sessions = new Mock<ISessionRepository>();
        _options = new PushTokenOptions();
        _pushTokens.Setup(r => r.DeleteStaleBatchAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(0);
        _sessions.Setup(r => r.DeleteExpiredBatchAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(0);
    }

    [Test]
    public async Task Purge_deletes_push_tokens_updated_more_than_stale_after_days_ago()
    {
        await PurgeAsync();

        _pushTokens.Verify(r => r.DeleteStaleBatchAsync(Now.AddDays(-270), 500, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Purge_uses_the_configured_age_and_batch_size()
    {
        _options.StaleAfterDays = 30;
        _options.PurgeBatchSize = 50;

        await PurgeAsync();

        _pushTokens.Verify(r => r.DeleteStaleBatchAsync(Now.AddDays(-30), 50, It.IsAny<CancellationToken>()), Times.Once);
        _sessions.Verify(r => r.DeleteExpiredBatchAsync(Now, 50, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Purge_deletes_batch_after_batch_until_a_batch_is_not_full()
    {
        _pushTokens.SetupSequence(r => r.DeleteStaleBatchAsync(It.IsAny<DateTimeOffset>(), 500, It.IsAny<CancellationToken>()))
            .ReturnsAsync(500).ReturnsAsync(500).ReturnsAsync(3);
        _sessions.SetupSequence(r => r.DeleteExpiredBatchAsync(Now, 500, It.IsAny<CancellationToken>()))
            .ReturnsAsync(500).ReturnsAsync(0);

        var purged = await PurgeAsync();

        Assert.That(purged, Is.EqualTo(new PurgedRecords(1003, 500)));
        _pushTokens.Verify(r => r.DeleteStaleBatchAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
        _sessions.Verify(r => r.DeleteExpiredBatchAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task Purge_of_a_clean_registry_deletes_nothing_in_one_call_each()
    {
        var purged = await PurgeAsync();

        Assert.That(purged, Is.EqualTo(new PurgedRecords(0, 0)));
        _pushTokens.Verify(r => r.DeleteStaleBatchAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase(0, 500)]
    [TestCase(270, 0)]
    public async Task Purge_refuses_an_age_or_batch_size_below_1(int staleAfterDays, int batchSize)
    {
        _options.StaleAfterDays = staleAfterDays;
        _options.PurgeBatchSize = batchSize;

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await PurgeAsync());
        _pushTokens.Verify(r => r.DeleteStaleBatchAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private ValueTask<PurgedRecords> PurgeAsync() =>
        new PurgeStaleRecordsCommandHandler(_pushTokens.Object, _sessions.Object, Options.Create(_options), new FakeTimeProvider(Now))
            .Handle(new PurgeStaleRecordsCommand(), CancellationToken.None);
}
