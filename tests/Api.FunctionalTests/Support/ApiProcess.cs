using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>
/// The built service (PushTokenService.Api.dll, beside the tests) as a child process on a free loopback port,
/// in Production, on a SQLite file of its own; its console output is read line by line to follow its state.
/// </summary>
public sealed partial class ApiProcess : IAsyncDisposable
{
    /// <summary>A safety net for a process that never says what is awaited: the test fails instead of hanging.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly string _folder;

    private ApiProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public Uri Address { get; private set; } = null!;

    public int Id => _process.Id;

    /// <summary>Starts the service; <paramref name="environment"/> adds environment variables (ASPNETCORE_URLS replaces --urls).</summary>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pushtokens-tests", $"{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("PushTokenService.Api.dll");
        if (environment?.ContainsKey("ASPNETCORE_URLS") != true)
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add("http://127.0.0.1:0");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "pushtokens.db")}";
        start.Environment["RateLimits__RegisterPerMinute"] = "100000";
        start.Environment["RateLimits__LoginPerMinute"] = "100000";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var api = new ApiProcess(process, folder);
        process.OutputDataReceived += (_, line) => api.Receive(line.Data);
        process.ErrorDataReceived += (_, line) => api.Receive(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var listening = await api.WaitForLineAsync(line => line.Contains("Now listening on:", StringComparison.Ordinal));
        api.Address = new Uri(ListeningAddress().Match(listening).Groups[1].Value);
        return api;
    }

    /// <summary>What the process printed so far, for failure messages.</summary>
    public List<string> Output { get; } = [];

    /// <summary>Waits until the process prints a line that matches.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        using var hang = new CancellationTokenSource(Hang);
        await foreach (var line in _lines.Reader.ReadAllAsync(hang.Token))
        {
            if (match(line))
            {
                return line;
            }
        }

        throw new InvalidOperationException("The service exited without printing the awaited line:\n" + string.Join("\n", Output));
    }

    /// <summary>Sends SIGTERM, as a container runtime does to stop a service.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    /// <summary>The exit code, once the process has exited.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var hang = new CancellationTokenSource(Hang);
        await _process.WaitForExitAsync(hang.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            _lines.Writer.TryComplete();
            return;
        }

        lock (Output)
        {
            Output.Add(line);
        }

        _lines.Writer.TryWrite(line);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningAddress();
}
