using PushTokenService.Infrastructure.Persistence.Caching;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.Caching;

/// <summary>The caches' map: it counts what it holds without locking the whole map, and starts again empty when full.</summary>
public sealed class BoundedMapTests
{
    [Test]
    public void Replacing_an_entry_does_not_count_it_twice()
    {
        var map = new BoundedMap<string, int>(capacity: 3);

        map.Set("a", 1);
        map.Set("a", 2);
        map.Set("b", 1);

        Assert.Multiple(() =>
        {
            Assert.That(map.HeldCount, Is.EqualTo(2));
            Assert.That(map.TryGetValue("a", out var value) ? value : -1, Is.EqualTo(2));
        });
    }

    [Test]
    public void A_full_map_starts_again_empty_before_a_new_key()
    {
        var map = new BoundedMap<string, int>(capacity: 3);
        map.Set("a", 1);
        map.Set("b", 1);
        map.Set("c", 1);

        map.Set("c", 2);
        var heldWhileFull = map.HeldCount;
        map.Set("d", 1);

        Assert.Multiple(() =>
        {
            Assert.That(heldWhileFull, Is.EqualTo(3), "a replaced key does not empty the map");
            Assert.That(map.HeldCount, Is.EqualTo(1));
            Assert.That(map.TryGetValue("a", out _), Is.False);
            Assert.That(map.TryGetValue("d", out _), Is.True);
        });
    }

    [Test]
    public void Removing_counts_down_only_what_was_there()
    {
        var map = new BoundedMap<string, int>(capacity: 10, StringComparer.Ordinal);
        map.Set("a", 1);
        map.Set("b", 1);

        var removed = map.TryRemove("a");
        var removedAgain = map.TryRemove("a");

        Assert.Multiple(() =>
        {
            Assert.That(removed, Is.True);
            Assert.That(removedAgain, Is.False);
            Assert.That(map.HeldCount, Is.EqualTo(1));
            Assert.That(map.Select(entry => entry.Key), Is.EqualTo(new[] { "b" }));
        });
    }

    [Test]
    public async Task Concurrent_writers_never_hold_more_than_the_capacity()
    {
        var map = new BoundedMap<int, int>(capacity: 1000);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                map.Set((writer * 20_000) + i, i);
                if (i % 7 == 0)
                {
                    map.TryRemove((writer * 20_000) + i);
                }
            }
        })));

        Assert.Multiple(() =>
        {
            Assert.That(map.Count(), Is.LessThanOrEqualTo(1000 + 4), "at most one racing add per writer past the capacity");
            Assert.That(map.HeldCount, Is.EqualTo(map.Count()), "the count follows the entries exactly");
        });
    }
}
