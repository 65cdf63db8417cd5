using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PushTokenService.BenchDelivery.Drive;

/// <summary>The <c>drive</c> command's settings, from <c>--Name=value</c> arguments.</summary>
public sealed class DriveSettings
{
    /// <summary>The fakes' folder: their credentials and <c>service-args.txt</c>.</summary>
    public string Fakes { get; set; } = "";

    /// <summary>The seeder's output of <c>delivery</c> mode: the fan-out users, their tokens and the ring user.</summary>
    public string Seed { get; set; } = "";

    public Uri Service { get; set; } = null!;

    public string ApiKey { get; set; } = "";

    /// <summary>Measured runs of the service; the baseline runs once more, before the first and after each.</summary>
    public int Rounds { get; set; } = 5;

    /// <summary>Fan-out sends per run, back to back.</summary>
    public int Sends { get; set; } = 10;

    /// <summary>How long the baseline, the fan-out and the ring are exercised before anything is measured.</summary>
    public double WarmupSeconds { get; set; } = 30;

    public int RingSends { get; set; } = 2000;

    /// <summary>The processes that must go idle after each run before the next one starts (the service, the fakes).</summary>
    public string SettlePids { get; set; } = "";

    public static DriveSettings Parse(string[] arguments)
    {
        var settings = new ConfigurationBuilder().AddCommandLine(arguments).Build().Get<DriveSettings>() ?? new DriveSettings();
        if (settings.Fakes.Length == 0 || settings.Seed.Length == 0 || settings.Service is null || settings.ApiKey.Length == 0)
        {
            throw new ArgumentException("drive needs --Fakes, --Seed, --Service and --ApiKey");
        }

        return settings;
    }

    public IReadOnlyList<int> SettleProcessIds() =>
        SettlePids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pid => int.Parse(pid, CultureInfo.InvariantCulture)).Append(Environment.ProcessId).ToList();
}
