using System.Globalization;

namespace PushTokenService.BenchDelivery.Drive;

/// <summary>
/// Waits (up to 3 s) until the processes use less than a tenth of a core, so that one run's leftover work (queued
/// answers, closing connections, a collection) is not charged to the run after it; as <c>settle</c> in bench/run.sh.
/// </summary>
public static class ProcessCpu
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task SettleAsync(IReadOnlyList<int> processIds)
    {
        var previous = Ticks(processIds);
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(Interval);
            var current = Ticks(processIds);
            if (current - previous <= 1)
            {
                return;
            }

            previous = current;
        }
    }

    /// <summary>The processes' user and system time in clock ticks: fields 14 and 15 of /proc/{pid}/stat.</summary>
    private static long Ticks(IReadOnlyList<int> processIds)
    {
        long total = 0;
        foreach (var pid in processIds)
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            total += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }

        return total;
    }
}
