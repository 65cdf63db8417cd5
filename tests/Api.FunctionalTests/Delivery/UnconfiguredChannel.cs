using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>
/// A channel with credentials for no app, registered after the host's own so that it replaces them: what every provider
/// channel is when <c>Push:Apps</c> is empty. Sending through it fails the test.
/// </summary>
public sealed class UnconfiguredChannel(PushChannel channel) : IPushChannel
{
    public PushChannel Channel { get; } = channel;

    public bool IsConfigured(string bundleId) => false;

    public Task<IReadOnlyList<PushDelivery>> SendAsync(PushMessage message, IReadOnlyList<PushTarget> targets, CancellationToken cancellationToken) =>
        throw new AssertionException("A channel without credentials was asked to send.");
}
