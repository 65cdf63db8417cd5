using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push.Vendors;

/// <summary>
/// A vendor channel not implemented yet (API.md section 10.1): every target is <c>unsupported</c>, nothing is sent.
/// Implementing the vendor replaces this registration with a folder of its own.
/// </summary>
public sealed class UnsupportedChannel(PushChannel channel) : IPushChannel
{
    public PushChannel Channel { get; } = channel;

    public bool IsConfigured(string bundleId) => true;

    public Task<IReadOnlyList<PushDelivery>> SendAsync(PushMessage message, IReadOnlyList<PushTarget> targets, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PushDelivery>>(
            targets.Select(target => new PushDelivery(target.Record.Id, PushOutcome.Unsupported)).ToList());
}
