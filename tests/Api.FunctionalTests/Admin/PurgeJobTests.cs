using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PushTokenService.Api.FunctionalTests.Support;
using PushTokenService.Api.Hosting;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>The background job: it purges at start-up and then every PushTokens:PurgeIntervalMinutes of the (fake) clock.</summary>
public sealed class PurgeJobTests
{
    private static readonly TimeSpan PatienceForTheJob = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task Purge_job_runs_at_start_up_then_after_each_interval_and_logs_counts_only()
    {
        using var log = new JobLog();
        using var service = new PushTokenApiFactory(AdminApi.Settings(("PushTokens:PurgeIntervalMinutes", "60")), clock: _clock, logs: log);
        using var client = service.CreateClient();
        var atStartUp = await log.NextAsync().WaitAsync(PatienceForTheJob);
        var (userId, token) = await client.NewSessionAsync();
        await client.CreateTokenAsync(ApiClient.RingPath, token, "ring-secret-token");

        _clock.Advance(TimeSpan.FromDays(271));
        var afterInterval = await log.NextAsync().WaitAsync(PatienceForTheJob);
        var (_, records) = await client.AdminAsync(HttpMethod.Get, AdminApi.UserTokensPath(userId));

        Assert.Multiple(() =>
        {
            Assert.That(atStartUp, Is.EqualTo("Purged 0 stale push tokens and 0 expired sessions"));
            Assert.That(afterInterval, Is.EqualTo("Purged 1 stale push tokens and 1 expired sessions"));
            Assert.That(records!.ToJsonString(), Is.EqualTo("""{"ring":[],"message":[]}"""));
        });
    }

    [Test]
    public async Task Purge_job_with_interval_0_is_off()
    {
        using var log = new JobLog();
        using var service = new PushTokenApiFactory(AdminApi.Settings(("PushTokens:PurgeIntervalMinutes", "0")), clock: _clock, logs: log);
        using var client = service.CreateClient();

        var message = await log.NextAsync().WaitAsync(PatienceForTheJob);

        Assert.That(message, Is.EqualTo("Purge of stale records is off (PushTokens:PurgeIntervalMinutes is 0)"));
    }

    /// <summary>The job's log messages, in order, as they are written.</summary>
    private sealed class JobLog : ILoggerProvider
    {
        private readonly Channel<string> _messages = Channel.CreateUnbounded<string>();

        public ILogger CreateLogger(string categoryName) =>
            categoryName == typeof(StaleRecordsPurgeJob).FullName ? new ChannelLogger(_messages.Writer) : NullLogger.Instance;

        public Task<string> NextAsync() => _messages.Reader.ReadAsync().AsTask();

        public void Dispose() => _messages.Writer.TryComplete();

        private sealed class ChannelLogger(ChannelWriter<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.TryWrite(formatter(state, exception));
        }
    }
}
