using System.Collections.Concurrent;

namespace PushTokenService.Soak;

/// <summary>What happened over the wire: answers by operation and status, and the answers the model did not expect.</summary>
public sealed class Counters
{
    private readonly ConcurrentDictionary<string, int> _byOperation = new();
    private readonly ConcurrentDictionary<int, int> _byStatus = new();
    private readonly ConcurrentQueue<string> _surprises = new();
    private int _requests;
    private int _transportErrors;

    public int Requests => _requests;

    public int TransportErrors => _transportErrors;

    public IReadOnlyDictionary<int, int> ByStatus => _byStatus;

    public IReadOnlyDictionary<string, int> ByOperation => _byOperation;

    public IReadOnlyCollection<string> Surprises => _surprises;

    public void Answer(string operation, int status)
    {
        Interlocked.Increment(ref _requests);
        _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        _byOperation.AddOrUpdate($"{operation} {status}", 1, (_, n) => n + 1);
    }

    public void TransportError(string operation, Exception exception)
    {
        Interlocked.Increment(ref _transportErrors);
        Surprise($"{operation}: {exception.GetType().Name} {exception.Message}");
    }

    public void Surprise(string what) => _surprises.Enqueue(what);
}
