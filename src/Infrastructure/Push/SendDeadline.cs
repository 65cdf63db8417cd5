using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Infrastructure.Push;

/// <summary>
/// The token that ends a send at <see cref="PushMessage.Deadline"/> (on the service's clock) or when the caller gives up,
/// and the outcome of a target still waiting then.
/// </summary>
public sealed class SendDeadline : IDisposable
{
    /// <summary>The reason of a target still failing (or waiting for an answer) at the deadline.</summary>
    public const string DeadlineReason = "deadline";

    /// <summary>The reason of a target whose provider was never reached before the deadline.</summary>
    public const string UnreachableReason = "unreachable";

    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    public SendDeadline(PushMessage message, TimeProvider clock, CancellationToken cancellationToken)
    {
        var left = message.Deadline - clock.GetUtcNow();
        _timer = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, clock);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, cancellationToken);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>The outcome of a target the deadline ended: <c>unreachable</c> when its provider could never be connected to.</summary>
    public static PushDelivery Missed(long tokenId, ProviderReach reach) =>
        new(tokenId, PushOutcome.Failed, reach.Unreachable ? UnreachableReason : DeadlineReason);

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
