using System.Collections.Concurrent;

namespace PushTokenService.FakeProviders;

/// <summary>Sends to a token a test holds unanswered until it releases them, e.g. to change the record meanwhile.</summary>
public sealed class TokenHolds
{
    private readonly ConcurrentDictionary<string, (Task Release, TaskCompletionSource Arrived)> _holds = new(StringComparer.Ordinal);

    public bool IsEmpty => _holds.IsEmpty;

    /// <summary>Holds the sends to <paramref name="token"/> until <paramref name="release"/>; completes when one arrives.</summary>
    public Task Hold(string token, Task release)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holds[token] = (release, arrived);
        return arrived.Task;
    }

    /// <summary>What a send to <paramref name="token"/> waits for, after telling its test that it arrived.</summary>
    public Task HeldAsync(string token)
    {
        if (!_holds.TryGetValue(token, out var hold))
        {
            return Task.CompletedTask;
        }

        hold.Arrived.TrySetResult();
        return hold.Release;
    }
}
