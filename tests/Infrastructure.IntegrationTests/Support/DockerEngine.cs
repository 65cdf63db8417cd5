using System.IO.Pipes;
using System.Net;
using System.Net.Sockets;

namespace PushTokenService.Infrastructure.IntegrationTests.Support;

/// <summary>
/// Whether a Docker engine answers, asked once per test run with a short timeout: DOCKER_HOST when set
/// (unix://, tcp://, npipe://), else the usual local sockets. A socket file without a daemon behind it is not an engine.
/// </summary>
public static class DockerEngine
{
    public const string UnavailableReason = "Docker is not available";

    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(3);

    private static readonly Lazy<Task<bool>> Answers = new(PingAnyAsync);

    public static Task<bool> IsAvailableAsync() => Answers.Value;

    private static async Task<bool> PingAnyAsync()
    {
        foreach (var endpoint in CandidateEndpoints())
        {
            if (await PingAsync(endpoint))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<Uri> CandidateEndpoints()
    {
        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(dockerHost))
        {
            if (Uri.TryCreate(dockerHost, UriKind.Absolute, out var configured))
            {
                yield return configured;
            }

            yield break;
        }

        if (OperatingSystem.IsWindows())
        {
            yield return new Uri("npipe://./pipe/docker_engine");
            yield break;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var runtimeDirectory = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        string?[] sockets =
        [
            "/var/run/docker.sock",
            runtimeDirectory is null ? null : Path.Combine(runtimeDirectory, "docker.sock"),
            Path.Combine(home, ".docker", "run", "docker.sock"),
            Path.Combine(home, ".docker", "desktop", "docker.sock"),
        ];
        foreach (var socket in sockets)
        {
            if (socket is not null && File.Exists(socket))
            {
                yield return new Uri($"unix://{socket}");
            }
        }
    }

    /// <summary>GET /_ping: any HTTP answer means an engine listens (a TLS-only port answers 400 to plain HTTP, still an engine).</summary>
    private static async Task<bool> PingAsync(Uri endpoint)
    {
        using var timeout = new CancellationTokenSource(PingTimeout);
        using var handler = new SocketsHttpHandler { ConnectCallback = (_, ct) => ConnectAsync(endpoint, ct) };
        using var client = new HttpClient(handler) { Timeout = PingTimeout };
        try
        {
            using var response = await client.GetAsync(new Uri("http://docker/_ping"), timeout.Token);
            return true;
        }
#pragma warning disable CA1031 // Whatever fails here, the answer is "no engine".
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static async ValueTask<Stream> ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        switch (endpoint.Scheme)
        {
            case "npipe":
                var pipe = new NamedPipeClientStream(".", endpoint.AbsolutePath.Replace("/pipe/", "", StringComparison.Ordinal), PipeDirection.InOut, PipeOptions.Asynchronous);
                await pipe.ConnectAsync(cancellationToken);
                return pipe;
            case "unix" or "tcp":
                var unix = endpoint.Scheme == "unix";
                EndPoint target = unix ? new UnixDomainSocketEndPoint(endpoint.AbsolutePath) : new DnsEndPoint(endpoint.Host, endpoint.Port);
                var socket = unix
                    ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                    : new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(target, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }

            default:
                throw new NotSupportedException($"Docker endpoint {endpoint.Scheme}");
        }
    }
}
