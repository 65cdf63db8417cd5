using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>
/// A channel registered after the host's own, so that it replaces them: the situations of a provider that a test
/// cannot otherwise make (no credentials, a provider that never answers, a channel that fails).
/// </summary>
public sealed class StubChannel(PushChannel channel, bool configured, Func<IReadOnlyList<PushTarget>, Task<IReadOnlyList<PushDelivery>>> send)
    : IPushChannel
{
    public PushChannel Channel { get; } = channel;

    /// <summary>Credentials for no app: what every provider channel is when <c>Push:Apps</c> is empty. Sending fails the test.</summary>
    public static StubChannel Unconfigured(PushChannel channel) =>
        new(channel, false, _ => throw new AssertionException("A channel without credentials was asked to send."));

    /// <summary>A provider that never answers, whatever the deadline.</summary>
    public static StubChannel Silent(PushChannel channel) =>
        new(channel, true, _ => new TaskCompletionSource<IReadOnlyList<PushDelivery>>().Task);

    /// <summary>A channel that throws, with a message quoting a token as a provider URL would.</summary>
    public static StubChannel Throwing(PushChannel channel) =>
        new(channel, true, targets => throw new HttpRequestException($"POST /3/device/{targets[0].Token} failed"));

    public bool IsConfigured(string bundleId) => configured;

    public Task<IReadOnlyList<PushDelivery>> SendAsync(PushMessage message, IReadOnlyList<PushTarget> targets, CancellationToken cancellationToken) =>
        send(targets);
}
