using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using PushTokenService.FakeProviders.Apns;
using PushTokenService.FakeProviders.Fcm;
using PushTokenService.FakeProviders.Hms;
using PushTokenService.Infrastructure.Push.Apns;
using PushTokenService.Infrastructure.Push.Fcm;
using PushTokenService.Infrastructure.Push.Hms;

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

    private const string FcmProjectId = "bench-project";
    private const string HmsAppId = "100000001";

    public static async Task<int> RunAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var stopped = new TaskCompletionSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        using var apnsKey = ApnsTestKey.Create();
        await using var apns = await FakeApnsServer.StartAsync([apnsKey], record: false);
        await using var fcm = await FakeFcmServer.StartAsync();
        fcm.Http.RecordRequests = false;
        var serviceAccount = Path.Combine(folder, "service-account.json");
        File.Copy(fcm.CreateServiceAccount(FcmProjectId).Path, serviceAccount, overwrite: true);
        await using var hms = await FakeHmsServer.StartAsync();
        hms.Http.RecordRequests = false;
        var hmsSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        hms.AddApp(HmsAppId, hmsSecret);

        var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ApnsOptions.Key(BundleId, nameof(ApnsAppOptions.TeamId))] = apnsKey.TeamId,
            [ApnsOptions.Key(BundleId, nameof(ApnsAppOptions.KeyId))] = apnsKey.KeyId,
            [ApnsOptions.Key(BundleId, nameof(ApnsAppOptions.PrivateKeyFile))] = apnsKey.WriteP8File(folder),
            [$"{ApnsOptions.EndpointsSection}:{nameof(ApnsOptions.ProductionEndpoint)}"] = apns.Endpoint.AbsoluteUri,
            [$"{ApnsOptions.EndpointsSection}:{nameof(ApnsOptions.SandboxEndpoint)}"] = apns.Endpoint.AbsoluteUri,
            [FcmOptions.ServiceAccountFileKey(BundleId)] = serviceAccount,
            [FcmOptions.EndpointKey] = fcm.Endpoint.AbsoluteUri,
            [HmsOptions.AppIdKey(BundleId)] = HmsAppId,
            [HmsOptions.ClientSecretKey(BundleId)] = hmsSecret,
            [HmsOptions.EndpointKey] = hms.Endpoint.AbsoluteUri,
            [HmsOptions.TokenEndpointKey] = hms.TokenEndpoint.AbsoluteUri,
        };
        WriteServiceArgs(folder, arguments);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"fake providers ready: APNs {apns.Endpoint}, FCM {fcm.Endpoint}, Huawei {hms.Endpoint}"));

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
