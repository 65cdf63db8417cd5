using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using PushTokenService.Soak;

// The soak run: 1,000 simulated phones against a running service for a few minutes, then an audit of its database file.
//   dotnet PushTokenService.Soak.dll --url http://127.0.0.1:5190 --database /tmp/x/pushtokens.db [--seconds 180] [--phones 1000] [--users 150]
var options = ParseArguments(args);
var url = new Uri(options["url"]);
var databasePath = options["database"];
var seconds = int.Parse(options.GetValueOrDefault("seconds", "180"), CultureInfo.InvariantCulture);
var phoneCount = int.Parse(options.GetValueOrDefault("phones", "1000"), CultureInfo.InvariantCulture);
var userCount = int.Parse(options.GetValueOrDefault("users", "150"), CultureInfo.InvariantCulture);

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 128 }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
var counters = new Counters();
var loggedOut = new ConcurrentBag<string>();
var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
var clock = Stopwatch.StartNew();

Console.WriteLine($"soak: registering {userCount} users");
var usernames = Enumerable.Range(0, userCount).Select(i => $"soak{run}-{i:D4}").ToList();
await Parallel.ForEachAsync(usernames, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (username, cancellationToken) =>
{
    using var response = await http.PostAsJsonAsync("/v1/api/user/register", new { username, password = Phone.Password }, cancellationToken);
    counters.Answer("register", (int)response.StatusCode);
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"register {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }
});

var accounts = new Accounts(usernames, maxPhonesPerUser: 15);
var phones = Enumerable.Range(0, phoneCount).Select(n => new Phone(n, http, accounts, counters, loggedOut)).ToList();
Console.WriteLine($"soak: logging in {phoneCount} phones, each registering a ring and a message token ({clock.Elapsed.TotalSeconds:F0} s)");
await Parallel.ForEachAsync(phones, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (phone, _) => await phone.StartAsync());

var setUp = clock.Elapsed;
var requestsBefore = counters.Requests;
Console.WriteLine($"soak: {seconds} s of mixed traffic from {phoneCount} phones ({setUp.TotalSeconds:F0} s)");
var until = DateTime.UtcNow.AddSeconds(seconds);
await Task.WhenAll(phones.Select(phone => Task.Run(() => phone.RunAsync(until))));
var traffic = clock.Elapsed - setUp;
var mixed = counters.Requests - requestsBefore;

var audit = Audit.Run(databasePath, phones, loggedOut);

Console.WriteLine();
Console.WriteLine($"requests: {counters.Requests} in total, {mixed} in {traffic.TotalSeconds:F0} s of mixed traffic ({mixed / traffic.TotalSeconds:F0}/s)");
Console.WriteLine("requests by status: " + string.Join(", ", counters.ByStatus.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} x{pair.Value}")));
Console.WriteLine("requests by operation: " + string.Join(", ", counters.ByOperation.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} x{pair.Value}")));
Console.WriteLine($"unexpected answers: {counters.Surprises.Count}, transport errors: {counters.TransportErrors}, phones left out of the audit: {phones.Count(phone => phone.Uncertain)}");
foreach (var surprise in counters.Surprises.Take(10))
{
    Console.WriteLine($"  {surprise}");
}

Console.WriteLine($"audit: {audit.Expected} records expected, {audit.Rows} rows in the database");
Console.WriteLine($"lost {audit.Lost}, duplicated {audit.Duplicated}, shared {audit.Shared}, leftover {audit.LeftoverRecords + audit.LeftoverSessions} " +
    $"({audit.LeftoverRecords} records of logged-out sessions, {audit.LeftoverSessions} logged-out sessions still stored), unexpected {audit.Unexpected}, " +
    $"logged out {loggedOut.Count} sessions");
var clean = audit.Clean && counters.Surprises.Count == 0;
Console.WriteLine(clean ? "soak: PASS" : "soak: FAIL");
return clean ? 0 : 1;

static Dictionary<string, string> ParseArguments(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        options[args[i].TrimStart('-')] = args[i + 1];
    }

    foreach (var required in new[] { "url", "database" })
    {
        if (!options.ContainsKey(required))
        {
            throw new ArgumentException($"--{required} is required");
        }
    }

    return options;
}
