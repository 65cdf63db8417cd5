using PushTokenService.BenchDelivery.Drive;
using PushTokenService.BenchDelivery.Fakes;

// The benchmark's delivery rows (bench/run.sh):
//   delivery fakes <folder>: the fake APNs, FCM and Huawei servers in this process until SIGTERM; their credentials and
//     <folder>/service-args.txt, the service's command-line arguments that point it at them.
//   delivery drive --Fakes=<folder> --Seed=<seeder output> --Service=<url> --ApiKey=<key> [--Rounds=5] [--Sends=10]
//     [--WarmupSeconds=30] [--RingSends=2000] [--SettlePids=<pid,pid>]: the fan-out against its baseline, then the ring's
//     latency, as RESULT lines.
return args switch
{
    ["fakes", var folder] => await FakeProvidersProcess.RunAsync(folder),
    ["drive", .. var settings] => await DeliveryDriver.RunAsync(DriveSettings.Parse(settings)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: delivery fakes <folder>");
    Console.Error.WriteLine("       delivery drive --Fakes=<folder> --Seed=<folder> --Service=<url> --ApiKey=<key> [--Rounds=5] [--Sends=10] [--WarmupSeconds=30] [--RingSends=2000] [--SettlePids=<pids>]");
    return 2;
}
