namespace PushTokenService.Infrastructure.Persistence.Execution;

/// <summary>
/// The one writer of a database that takes one writer at a time: it runs this process's writes in turn instead of
/// letting them contend for the engine's lock. A provider whose engine takes concurrent writers registers none.
/// </summary>
public interface ISingleWriter
{
    /// <summary>
    /// Runs <paramref name="work"/> inside a write transaction and answers once it has committed. A write that waited
    /// longer than its limit behind the others fails with <see cref="WriteQueueTimeoutException"/> without running.
    /// </summary>
    Task<T> RunAsync<T>(Func<DbLease, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
