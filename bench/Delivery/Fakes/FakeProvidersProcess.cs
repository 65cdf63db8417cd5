using System.Globalization;
using System.Runtime.InteropServices;
using PushTokenService.FakeProviders.Apns;
using PushTokenService.Infrastructure.Push.Apns;

namespace PushTokenService.BenchDelivery.Fakes;

/// <summary>
/// The <c>fakes</c> command: the fake providers in a process of their own, so that the service's CPU is measured apart
/// from theirs. They answer every token at once, record nothing, and run until SIGTERM or SIGINT.
/// </summary>
public static class FakeProvidersProcess
{
    /// <summary>The app every seeded record belongs to.</summary>
    public const string BundleId = "com.lancens.app";

    /// <summary>The file the service's arguments go to, one a line; it appears once every fake answers.</summary>
    public const string ServiceArgsFile = "service-args.txt";

    public static async Task<int> RunAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var stopped = new TaskCompletionSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        using var apnsKey = ApnsTestKey.Create();
        await using var apns = await FakeApnsServer.StartAsync([apnsKey], record: false);

        var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ApnsOptions.Key(BundleId, nameof(ApnsAppOptions.TeamId))] = apnsKey.TeamId,
            [ApnsOptions.Key(BundleId, nameof(ApnsAppOptions.KeyId))] = apnsKey.KeyId,
            [ApnsOptions.Key(BundleId, nameof(ApnsAppOptions.PrivateKeyFile))] = apnsKey.WriteP8File(folder),
            [$"{ApnsOptions.EndpointsSection}:{nameof(ApnsOptions.ProductionEndpoint)}"] = apns.Endpoint.AbsoluteUri,
            [$"{ApnsOptions.EndpointsSection}:{nameof(ApnsOptions.SandboxEndpoint)}"] = apns.Endpoint.AbsoluteUri,
        };
        WriteServiceArgs(folder, arguments);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fake providers ready: APNs {apns.Endpoint}"));

        await stopped.Task;
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }
    }

    /// <summary>Written whole under another name, then renamed, so that a reader never sees half of it.</summary>
    private static void WriteServiceArgs(string folder, Dictionary<string, string> arguments)
    {
        var path = Path.Combine(folder, ServiceArgsFile);
        File.WriteAllLines(path + ".tmp", arguments.Select(argument => $"--{argument.Key}={argument.Value}"));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
