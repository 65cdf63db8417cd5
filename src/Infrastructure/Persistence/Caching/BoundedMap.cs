using System.Collections;
using System.Collections.Concurrent;

namespace PushTokenService.Infrastructure.Persistence.Caching;

/// <summary>
/// A concurrent map of cached entries that starts again empty when it reaches <see cref="Capacity"/>. It counts its
/// entries itself: <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> takes every lock of the map, and the capacity is
/// checked at every write. Emptying swaps in a new map with its own count, so the count never drifts;
/// an entry set into the map just swapped out is lost, which a cache can afford.
/// </summary>
public sealed class BoundedMap<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null) : IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    private State _state = new(comparer);

    public int Capacity { get; } = capacity;

    /// <summary>How many entries the map holds.</summary>
    public int HeldCount => Volatile.Read(ref Volatile.Read(ref _state).Count);

    public bool TryGetValue(TKey key, out TValue value) => Volatile.Read(ref _state).Entries.TryGetValue(key, out value!);

    /// <summary>Adds or replaces the entry; a map that is full is emptied first.</summary>
    public void Set(TKey key, TValue value)
    {
        var state = Volatile.Read(ref _state);
        if (state.Entries.ContainsKey(key))
        {
            state.Entries[key] = value;
            return;
        }

        if (Volatile.Read(ref state.Count) >= Capacity)
        {
            Interlocked.CompareExchange(ref _state, new State(comparer), state);
            state = Volatile.Read(ref _state);
        }

        if (state.Entries.TryAdd(key, value))
        {
            Interlocked.Increment(ref state.Count);
        }
        else
        {
            state.Entries[key] = value;
        }
    }

    public bool TryRemove(TKey key)
    {
        var state = Volatile.Read(ref _state);
        if (!state.Entries.TryRemove(key, out _))
        {
            return false;
        }

        Interlocked.Decrement(ref state.Count);
        return true;
    }

    public void Clear() => Volatile.Write(ref _state, new State(comparer));

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => Volatile.Read(ref _state).Entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class State(IEqualityComparer<TKey>? comparer)
    {
        public readonly ConcurrentDictionary<TKey, TValue> Entries = new(comparer);

        public int Count;
    }
}
