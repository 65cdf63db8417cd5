using System.Data.Common;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Infrastructure.Persistence.Errors;

namespace PushTokenService.Infrastructure.Persistence.Execution;

/// <summary>
/// Runs repository work on one connection: transient provider errors are retried with backoff and jitter
/// (command timeouts only for reads), then every provider error surfaces as a <see cref="DatabaseException"/>.
/// </summary>
public sealed partial class DatabaseExecutor
{
    /// <summary>
    /// How long a write waits in the in-process queue of a single-writer database. Longer means that one is stuck behind a
    /// lock held outside this process: this write then counts as busy (retried, then 503) instead of queueing without
    /// bound, so that a locked database answers every caller within seconds, however many are waiting.
    /// </summary>
    public static readonly TimeSpan WriteQueueTimeout = TimeSpan.FromSeconds(2);

    private static readonly DatabaseError WriteQueueTimedOut = new(DatabaseErrorCodes.Busy, "write queue timeout");

    private readonly IDbConnectionFactory _connections;
    private readonly IDatabaseErrorClassifier _classifier;
    private readonly ILogger<DatabaseExecutor> _logger;
    private readonly ResiliencePipeline _reads;
    private readonly ResiliencePipeline _writes;
    private readonly ISingleWriter? _writer;

    /// <param name="writer">The provider's queue for a single-writer engine; without one, each write takes a lease of its own.</param>
    public DatabaseExecutor(
        IDbConnectionFactory connections, IDatabaseErrorClassifier classifier, ILogger<DatabaseExecutor> logger, ISingleWriter? writer = null)
    {
        _connections = connections;
        _classifier = classifier;
        _logger = logger;
        _reads = BuildPipeline(retryTimeouts: true);
        _writes = BuildPipeline(retryTimeouts: false);
        _writer = writer;
    }

    public Task<T> ReadAsync<T>(Func<DbLease, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(read: true, expectedError: null, async ct =>
        {
            await using var lease = await _connections.RentAsync(ct);
            try
            {
                return await work(lease, ct);
            }
            catch
            {
                lease.Broken = true;
                throw;
            }
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction (<see cref="DbLease.Transaction"/>), committed when it returns.</summary>
    public Task<T> WriteAsync<T>(Func<DbLease, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(work, expectedError: null, cancellationToken);

    /// <summary>
    /// A write whose caller turns the error <paramref name="expectedError"/> into an answer of the contract (a unique
    /// violation into a 409): that error is an outcome, logged at Debug without its stack, never at Error.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<DbLease, CancellationToken, Task<T>> work, int? expectedError, CancellationToken cancellationToken) =>
        RunAsync(read: false, expectedError, async ct =>
        {
            if (_writer is not null)
            {
                return await _writer.RunAsync(work, ct);
            }

            await using var lease = await _connections.RentAsync(ct);
            try
            {
                await using var transaction = await lease.Connection.BeginTransactionAsync(ct);
                lease.Transaction = transaction;
                var result = await work(lease, ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch
            {
                lease.Broken = true;
                throw;
            }
        }, cancellationToken);

    /// <summary>Runs a read's or a write's work: <paramref name="read"/> picks the pipeline and whether timeouts are retried.</summary>
    private async Task<T> RunAsync<T>(bool read, int? expectedError, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                // The first attempt runs without the pipeline's machinery (its context, outcome and state machines), which
                // every request would pay; only a failure the pipeline would retry goes through it.
                return await work(cancellationToken);
            }
            catch (Exception first) when (IsRetried(first, retryTimeouts: read))
            {
                // The pipeline's first attempt is the one that just failed: same retries, same delays, same log lines.
                var failed = ExceptionDispatchInfo.Capture(first);
                return await (read ? _reads : _writes).ExecuteAsync(
                    static async (state, ct) =>
                    {
                        if (Interlocked.Exchange(ref state.Failed, null) is { } pending)
                        {
                            pending.Throw();
                        }

                        return await state.Work(ct);
                    },
                    new Retried<T>(work, failed),
                    cancellationToken);
            }
        }
        catch (Exception exception) when (Classify(exception) is { } error)
        {
            if (error.Code == expectedError)
            {
                LogExpectedDatabaseError(_logger, error.Code, error.ProviderError);
            }
            else
            {
                LogDatabaseError(_logger, error.Code, error.ProviderError, exception);
            }

            throw new DatabaseException(error.Code, error.ProviderError, exception);
        }
    }

    /// <summary>Transient provider errors are retried; command timeouts only for reads (a write that timed out may have run).</summary>
    private bool IsRetried(Exception exception, bool retryTimeouts) =>
        Classify(exception) is { IsTransient: true } error && (retryTimeouts || !error.IsTimeout);

    private ResiliencePipeline BuildPipeline(bool retryTimeouts) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(exception => IsRetried(exception, retryTimeouts)),
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(50),
                OnRetry = args =>
                {
                    LogRetry(_logger, args.AttemptNumber + 1, args.Outcome.Exception?.GetType().Name);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private DatabaseError? Classify(Exception exception) =>
        exception is WriteQueueTimeoutException ? WriteQueueTimedOut : _classifier.Classify(exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database error {Code} ({ProviderError})")]
    private static partial void LogDatabaseError(ILogger logger, int code, string providerError, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Database error {Code} ({ProviderError}), an outcome the caller answers")]
    private static partial void LogExpectedDatabaseError(ILogger logger, int code, string providerError);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient database error, retry {Attempt} ({ExceptionType})")]
    private static partial void LogRetry(ILogger logger, int attempt, string? exceptionType);
}

/// <summary>The work of a call whose first attempt failed, and that failure, which the pipeline's first attempt throws again.</summary>
internal sealed class Retried<T>(Func<CancellationToken, Task<T>> work, ExceptionDispatchInfo failed)
{
    public Func<CancellationToken, Task<T>> Work { get; } = work;

#pragma warning disable SA1401 // Taken once with Interlocked.Exchange.
    public ExceptionDispatchInfo? Failed = failed;
#pragma warning restore SA1401
}
