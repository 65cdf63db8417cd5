using Mediator;

namespace PushTokenService.Application.Maintenance.Commands.PurgeStaleRecords;

/// <summary>
/// Deletes push-token records not updated for <c>PushTokens:StaleAfterDays</c> and expired sessions,
/// <c>PushTokens:PurgeBatchSize</c> rows per transaction until none is left. Sent by the purge job.
/// </summary>
public sealed record PurgeStaleRecordsCommand : ICommand<PurgedRecords>;

/// <summary>How many rows the purge deleted.</summary>
public sealed record PurgedRecords(int PushTokens, int Sessions);
