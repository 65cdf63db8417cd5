namespace PushTokenService.Infrastructure.Persistence.Execution;

/// <summary>A write waited longer than <see cref="DatabaseExecutor.WriteQueueTimeout"/> for the one ahead of it.</summary>
public sealed class WriteQueueTimeoutException() : Exception("The write waited too long for the one ahead of it.");
