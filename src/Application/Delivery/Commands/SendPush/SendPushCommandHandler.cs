using System.Collections.Frozen;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Admin.Common;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.Common.Metrics;
using PushTokenService.Application.Common.Options;
using PushTokenService.Domain.Delivery;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.Delivery.Commands.SendPush;

/// <summary>
/// Resolves every record of the users to its channel (API.md section 10.1), sends to all channels at once under the
/// send's deadline, deletes the records the providers report dead, and answers one result per record.
/// </summary>
public sealed partial class SendPushCommandHandler(
    IAdminTokenRepository repository,
    IEnumerable<IPushChannel> channels,
    DeliveryMetrics metrics,
    IOptions<PushDeliveryOptions> options,
    TimeProvider clock,
    ILogger<SendPushCommandHandler> logger) : ICommandHandler<SendPushCommand, SendPushResponse>
{
    private const string DeadlineReason = "deadline";
    private const string UnreachableReason = "unreachable";

    // The last registration of a channel wins, as with any service registered twice.
    private readonly FrozenDictionary<PushChannel, IPushChannel> _channels =
        channels.GroupBy(channel => channel.Channel).ToFrozenDictionary(group => group.Key, group => group.Last());

    private readonly TimeSpan _deadline = options.Value.Deadline;

    public async ValueTask<SendPushResponse> Handle(SendPushCommand command, CancellationToken cancellationToken)
    {
        var start = clock.GetUtcNow();
        using var deadline = new CancellationTokenSource(_deadline, clock);
        // The channels stop a little before the send does, so that what they answered by then is in the results
        // instead of being overtaken by the send's own deadline.
        var channelTime = _deadline - ChannelMargin(_deadline);
        using var channelDeadline = new CancellationTokenSource(channelTime, clock);

        var kind = TokenKindNames.Parse(command.Kind.Text!);
        var records = await repository.ListByUsersAsync(kind, command.UserIds.Integers!.Distinct().ToList(), cancellationToken);

        var (results, groups) = Resolve(records, command.BundleId.OptionalText, command.DryRun.IsTrue);
        var pushId = Guid.NewGuid().ToString("N");
        if (groups.Count > 0)
        {
            var message = new PushMessage(
                pushId,
                kind,
                command.Title.OptionalText,
                command.Body.OptionalText,
                command.DataEntries,
                command.TtlSeconds.IsInteger ? (int)command.TtlSeconds.Integer : PushContentRules.DefaultTtlSeconds(kind),
                command.CollapseId.OptionalText,
                start,
                start + channelTime);
            var delivered = await SendAsync(message, groups, channelDeadline.Token, deadline.Token, cancellationToken);
            results.AddRange(await PruneDeadTokensAsync(kind, delivered, cancellationToken));
        }

        results.Sort((a, b) => a.Record.Id.CompareTo(b.Record.Id));
        return Answer(pushId, command.Kind.Text!, results);
    }

    /// <summary>How long before the send's deadline its channels stop: a tenth of it, at most 200 ms.</summary>
    private static TimeSpan ChannelMargin(TimeSpan deadline) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromMilliseconds(200).Ticks, deadline.Ticks / 10));

    /// <summary>
    /// Each record of <paramref name="bundleId"/> (every app's when null) either gets its outcome at once (dry run,
    /// no channel, no credentials for its app) or joins its channel's targets.
    /// </summary>
    private (List<TargetResult> Results, Dictionary<IPushChannel, List<PushTarget>> Groups) Resolve(
        IReadOnlyList<PushTokenRecord> records, string? bundleId, bool dryRun)
    {
        var results = new List<TargetResult>(records.Count);
        var groups = new Dictionary<IPushChannel, List<PushTarget>>();
        foreach (var record in records)
        {
            if (bundleId is not null && !string.Equals(record.BundleId, bundleId, StringComparison.Ordinal))
            {
                continue;
            }

            var address = ChannelRule.For(record);
            if (dryRun)
            {
                results.Add(new(record, address, new PushDelivery(record.Id, PushOutcome.DryRun)));
            }
            else if (!_channels.TryGetValue(address.Channel, out var channel))
            {
                results.Add(new(record, address, new PushDelivery(record.Id, PushOutcome.Unsupported)));
            }
            else if (!channel.IsConfigured(record.BundleId))
            {
                results.Add(new(record, address, new PushDelivery(record.Id, PushOutcome.NotConfigured)));
            }
            else
            {
                if (!groups.TryGetValue(channel, out var targets))
                {
                    groups[channel] = targets = [];
                }

                targets.Add(new PushTarget(record, address.Token));
            }
        }

        return (results, groups);
    }

    /// <summary>
    /// Every channel at once, each told to stop at <paramref name="channelDeadline"/>; whatever a channel has not answered
    /// when <paramref name="deadline"/> passes is <c>failed</c> / <c>deadline</c>.
    /// </summary>
    private async Task<List<TargetResult>> SendAsync(
        PushMessage message,
        Dictionary<IPushChannel, List<PushTarget>> groups,
        CancellationToken channelDeadline,
        CancellationToken deadline,
        CancellationToken cancellationToken)
    {
        using var channelStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, channelDeadline);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
        var sends = groups
            .Select(group => (group.Key.Channel, Targets: group.Value, Task: SendGuardedAsync(group.Key, message, group.Value, channelStop.Token)))
            .ToList();
        try
        {
            await Task.WhenAll(sends.Select(send => send.Task)).WaitAsync(stop.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The deadline passed: the sends that have not finished count as failed below.
        }

        var results = new List<TargetResult>();
        foreach (var (channel, targets, task) in sends)
        {
            var deliveries = new Dictionary<long, PushDelivery>();
            foreach (var delivery in task.IsCompletedSuccessfully ? task.Result : [])
            {
                deliveries.TryAdd(delivery.TokenId, delivery);
            }

            foreach (var target in targets)
            {
                var delivery = deliveries.GetValueOrDefault(target.Record.Id)
                    ?? new PushDelivery(target.Record.Id, PushOutcome.Failed, DeadlineReason);
                results.Add(new(target.Record, new ChannelAddress(channel, target.Token), delivery));
            }
        }

        return results;
    }

    /// <summary>
    /// One channel's send, started on the thread pool so that a channel blocking its caller cannot hold the deadline;
    /// a channel that throws leaves its targets <c>unreachable</c>.
    /// </summary>
    private async Task<IReadOnlyList<PushDelivery>> SendGuardedAsync(
        IPushChannel channel, PushMessage message, List<PushTarget> targets, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(() => channel.SendAsync(message, targets, cancellationToken), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's message may quote a provider URL holding a token: only its type is logged.
            LogChannelFailed(logger, channel.Channel.Name(), message.PushId, exception.GetType().Name);
            return targets.Select(target => new PushDelivery(target.Record.Id, PushOutcome.Failed, UnreachableReason)).ToList();
        }
    }

    /// <summary>
    /// Deletes the records the providers report dead, concurrently; a record changed during the send is kept. Records that
    /// share one dead token are deleted by one statement and share its outcome.
    /// </summary>
    private async Task<IEnumerable<TargetResult>> PruneDeadTokensAsync(
        TokenKind kind, List<TargetResult> results, CancellationToken cancellationToken)
    {
        var dead = results
            .Where(result => result.Delivery.Outcome == PushOutcome.Invalidated)
            .GroupBy(result => Invalidation(kind, result))
            .ToList();
        if (dead.Count == 0)
        {
            return results;
        }

        var deleted = await Task.WhenAll(dead.Select(group => InvalidateAsync(group.Key, group.First().Record.Id, cancellationToken)));
        var outcomes = new Dictionary<PushTokenInvalidation, PushOutcome>(dead.Count);
        for (var i = 0; i < dead.Count; i++)
        {
            outcomes[dead[i].Key] = DeadTokenRule.Outcome(deleted[i]);
        }

        return results.Select(result => result.Delivery.Outcome == PushOutcome.Invalidated
            ? result with { Delivery = result.Delivery with { Outcome = outcomes[Invalidation(kind, result)] } }
            : result);
    }

    /// <summary>The records a dead token removes: those of the kind still holding it, in its app (and APNs environment).</summary>
    private static PushTokenInvalidation Invalidation(TokenKind kind, TargetResult result)
    {
        var (record, address, delivery) = result;
        var apns = address.Channel == PushChannel.Apns;
        return new PushTokenInvalidation(
            kind,
            PushToken: apns ? address.Token : null,
            OsToken: apns ? null : address.Token,
            BundleId: record.BundleId,
            Dev: apns ? record.Dev : null,
            InvalidSince: delivery.InvalidSince);
    }

    /// <summary>How many records <paramref name="invalidation"/> deleted; none when the database failed (logged).</summary>
    private async Task<int> InvalidateAsync(PushTokenInvalidation invalidation, long tokenId, CancellationToken cancellationToken)
    {
        try
        {
            return await repository.InvalidateAsync(invalidation, cancellationToken);
        }
        catch (DatabaseException exception)
        {
            LogPruneFailed(logger, tokenId, exception.Code);
            return 0;
        }
    }

    private SendPushResponse Answer(string pushId, string kind, List<TargetResult> results)
    {
        var counts = new int[Enum.GetValues<PushOutcome>().Length + 1];
        var answers = new PushResultResponse[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            var (record, address, delivery) = results[i];
            counts[(int)delivery.Outcome]++;
            metrics.RecordOutcome(address.Channel, delivery.Outcome);
            answers[i] = new PushResultResponse(
                record.Id, record.UserId, address.Channel.Name(), delivery.Outcome.Name(), delivery.ProviderId, delivery.Reason);
        }

        var outcomes = new OutcomesByChannel(results);
        LogSent(logger, pushId, kind, results.Count, outcomes);

        return new SendPushResponse(
            pushId,
            results.Count,
            counts[(int)PushOutcome.Sent],
            counts[(int)PushOutcome.Invalidated],
            counts[(int)PushOutcome.Failed],
            counts[(int)PushOutcome.NotConfigured],
            counts[(int)PushOutcome.Unsupported],
            answers);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push {PushId} ({Kind}) to {Targets} targets: {Outcomes}")]
    private static partial void LogSent(ILogger logger, string pushId, string kind, int targets, OutcomesByChannel outcomes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Channel} failed during push {PushId} ({ExceptionType}): its targets are unreachable")]
    private static partial void LogChannelFailed(ILogger logger, string channel, string pushId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead token of record {TokenId} kept: database error {Code}")]
    private static partial void LogPruneFailed(ILogger logger, long tokenId, int code);

    /// <summary>
    /// Counts per channel and outcome as the log shows them, e.g. <c>apns sent=2 failed=1, fcm not_configured=1</c>: no
    /// token, no payload. Written only when the line is.
    /// </summary>
    private sealed class OutcomesByChannel(List<TargetResult> results)
    {
        public override string ToString() =>
            string.Join(", ", results
                .GroupBy(result => result.Address.Channel)
                .OrderBy(group => group.Key)
                .Select(group => $"{group.Key.Name()} " + string.Join(' ', group
                    .GroupBy(result => result.Delivery.Outcome)
                    .OrderBy(outcome => outcome.Key)
                    .Select(outcome => $"{outcome.Key.Name()}={outcome.Count()}"))));
    }

    /// <summary>One record, the channel and token it resolved to, and what became of it.</summary>
    private sealed record TargetResult(PushTokenRecord Record, ChannelAddress Address, PushDelivery Delivery);
}
