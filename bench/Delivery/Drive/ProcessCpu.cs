using System.Globalization;

namespace PushTokenService.BenchDelivery.Drive;

/// <summary>The CPU time processes use, from /proc.</summary>
public static class ProcessCpu
{
    /// <summary>USER_HZ, the unit of /proc's CPU times: 100 on every Linux the benchmark runs on.</summary>
    private const long ClockTicksPerSecond = 100;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Waits (up to 3 s) until the processes use less than a tenth of a core, so that one run's leftover work (queued
    /// answers, closing connections, a collection) is not charged to the run after it; as <c>settle</c> in bench/run.sh.
    /// </summary>
    public static async Task SettleAsync(IReadOnlyList<int> processIds)
    {
        var previous = processIds.Sum(Ticks);
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(Interval);
            var current = processIds.Sum(Ticks);
            if (current - previous <= 1)
            {
                return;
            }

            previous = current;
        }
    }

    /// <summary>The CPU time the process has used so far, user and system, in ms.</summary>
    public static long Milliseconds(int processId) => Ticks(processId) * 1000 / ClockTicksPerSecond;

    /// <summary>The process's user and system time in clock ticks: fields 14 and 15 of /proc/{pid}/stat.</summary>
    private static long Ticks(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
