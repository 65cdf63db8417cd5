using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using PushTokenService.BenchDelivery.Fakes;

namespace PushTokenService.BenchDelivery.Drive;

/// <summary>
/// The <c>drive</c> command. Fan-out: runs of the baseline and of the service alternate (baseline, service, baseline, ...,
/// baseline), so that the machine's changes of speed fall on both; each run is <see cref="DriveSettings.Sends"/> fan-outs
/// back to back. Ring: sends to the one ring user back to back. Every run prints one <c>RESULT</c> line.
/// </summary>
public static class DeliveryDriver
{
    public static async Task<int> RunAsync(DriveSettings settings)
    {
        var fakes = new ConfigurationBuilder()
            .AddCommandLine(File.ReadAllLines(Path.Combine(settings.Fakes, FakeProvidersProcess.ServiceArgsFile)))
            .Build();
        var fanOutUsers = ReadIds(settings.Seed, "fanout-users.txt");
        var ringUser = ReadIds(settings.Seed, "ring-user.txt");
        var settle = settings.SettleProcessIds();

        using var baseline = await ProviderBaseline.CreateAsync(fakes, FanOutUser.Read(settings.Seed));
        using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = settings.Service, Timeout = TimeSpan.FromMinutes(1) };
        var fanOut = new ServicePush(client, settings.ApiKey, fanOutUsers, records: 2 * fanOutUsers.Length);
        var ring = new ServicePush(client, settings.ApiKey, ringUser, records: 3);

        // Warm-up: the baseline, the fan-out and the ring in turn, so that each path is compiled and its connections open.
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < settings.WarmupSeconds)
        {
            await baseline.SendAsync();
            await fanOut.SendAsync();
            for (var i = 0; i < 20; i++)
            {
                await ring.SendAsync();
            }
        }

        await ProcessCpu.SettleAsync(settle);
        for (var round = 1; round <= settings.Rounds; round++)
        {
            await MeasureAsync($"fan-out-baseline#{round}", settle, settings.Sends, async () => (await baseline.SendAsync(), baseline.Requests));
            await ProcessCpu.SettleAsync(settle);
            await MeasureAsync($"fan-out#{round}", settle, settings.Sends, fanOut.SendAsync);
            await ProcessCpu.SettleAsync(settle);
        }

        await MeasureAsync($"fan-out-baseline#{settings.Rounds + 1}", settle, settings.Sends, async () => (await baseline.SendAsync(), baseline.Requests));
        await ProcessCpu.SettleAsync(settle);
        await MeasureAsync("ring", settle, settings.RingSends, ring.SendAsync, perTarget: false);
        return 0;
    }

    /// <summary>
    /// <paramref name="count"/> calls of <paramref name="send"/> back to back. Prints the rate over the run (provider
    /// requests, that is targets, per second; or calls per second when not <paramref name="perTarget"/>), the p50 and p99
    /// of one call in ms, the targets not sent, and the CPU time per call of each <paramref name="watched"/> process
    /// (the service, the fakes, this driver), which a shared machine's changes of speed move less than the rate.
    /// </summary>
    private static async Task MeasureAsync(
        string name, IReadOnlyList<int> watched, int count, Func<Task<(int NotSent, int Targets)>> send, bool perTarget = true)
    {
        var durations = new double[count];
        long targets = 0;
        long notSent = 0;
        var cpu = watched.Select(ProcessCpu.Milliseconds).ToArray();
        var run = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await send();
            durations[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            targets += answer.Targets;
            notSent += answer.NotSent;
        }

        var elapsed = Stopwatch.GetElapsedTime(run);
        var cpuPerCall = string.Join('/', watched.Select((pid, i) => ((ProcessCpu.Milliseconds(pid) - cpu[i]) / (double)count).ToString("F2", CultureInfo.InvariantCulture)));
        Array.Sort(durations);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"RESULT run={name} rps={(perTarget ? targets : count) / elapsed.TotalSeconds:F1} p50={Percentile(durations, 0.50):F3} p99={Percentile(durations, 0.99):F3} calls={count} targets={targets} not_sent={notSent} cpu_ms_per_call={cpuPerCall}"));
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static long[] ReadIds(string folder, string file) =>
        File.ReadAllText(Path.Combine(folder, file))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => long.Parse(id, CultureInfo.InvariantCulture))
            .ToArray();
}
