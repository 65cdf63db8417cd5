using PushTokenService.Domain.Delivery;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.Common.Interfaces;

/// <summary>
/// One push provider (APNs, FCM, Huawei Push Kit, ...). An implementation never throws for what a provider answers:
/// every target gets exactly one <see cref="PushDelivery"/>, <see cref="PushOutcome.Failed"/> with reason
/// <c>deadline</c> when <see cref="PushMessage.Deadline"/> passes first.
/// </summary>
public interface IPushChannel
{
    PushChannel Channel { get; }

    /// <summary>Whether credentials of this channel are configured for <paramref name="bundleId"/>.</summary>
    bool IsConfigured(string bundleId);

    /// <summary>
    /// Sends <paramref name="message"/> to every target (all of this channel, each of a configured bundle id), concurrently,
    /// and answers one delivery per target. <see cref="PushOutcome.Invalidated"/> here means "the provider says the token
    /// is dead": the caller deletes the record and reports <c>failed</c> instead when the record no longer matches.
    /// </summary>
    Task<IReadOnlyList<PushDelivery>> SendAsync(PushMessage message, IReadOnlyList<PushTarget> targets, CancellationToken cancellationToken);
}

/// <summary>One send's content, the same for every target.</summary>
/// <param name="PushId">Names the send: in every payload and in the logs.</param>
/// <param name="Data">The request's <c>data</c> entries; the channel adds <c>push_id</c>, <c>kind</c> and <c>sent_at</c>.</param>
/// <param name="SentAt">The send's time; <c>sent_at</c> is its Unix milliseconds, <c>apns-expiration</c> counts from it.</param>
/// <param name="Deadline">The moment the channel stops waiting: a little before the send's own deadline (<c>Push:DeadlineSeconds</c> after it started), so that its answer is in time.</param>
public sealed record PushMessage(
    string PushId,
    TokenKind Kind,
    string? Title,
    string? Body,
    IReadOnlyDictionary<string, string> Data,
    int TtlSeconds,
    string? CollapseId,
    DateTimeOffset SentAt,
    DateTimeOffset Deadline);

/// <summary>One record to send to, with the token its channel addresses (<see cref="ChannelRule"/>).</summary>
public sealed record PushTarget(PushTokenRecord Record, string Token);

/// <summary>What became of one target.</summary>
/// <param name="Reason">The provider's reason string or code, or <c>deadline</c> / <c>unreachable</c>; null when sent.</param>
/// <param name="ProviderId">The provider's id of the accepted push (APNs' <c>apns-id</c>, FCM's message <c>name</c>), when it gives one.</param>
/// <param name="InvalidSince">APNs 410's <c>timestamp</c>: the record is deleted only if not refreshed after it.</param>
public sealed record PushDelivery(
    long TokenId,
    PushOutcome Outcome,
    string? Reason = null,
    string? ProviderId = null,
    DateTimeOffset? InvalidSince = null);
