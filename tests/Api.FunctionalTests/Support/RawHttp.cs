using System.Net.Sockets;
using System.Text;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>An HTTP/1.1 answer as read off the socket.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>HTTP/1.1 by hand over a real socket, for what HttpClient will not send: bad request lines, huge headers, slow bodies.</summary>
public sealed class RawHttp : IDisposable
{
    /// <summary>A safety net for a server that never answers: the test fails instead of hanging. Not a timing assertion.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly List<byte> _buffer = [];

    private RawHttp(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawHttp> ConnectAsync(Uri server)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(server.Host, server.Port);
        return new RawHttp(tcp);
    }

    /// <summary>Sends one request on a new connection and reads the answer.</summary>
    public static async Task<RawResponse?> SendAsync(Uri server, string request)
    {
        using var connection = await ConnectAsync(server);
        await connection.WriteAsync(request);
        return await connection.ReadResponseAsync();
    }

    public async Task WriteAsync(string text) => await WriteAsync(Encoding.Latin1.GetBytes(text));

    public async Task WriteAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>The next answer on the connection, or null when the server closed it without one.</summary>
    public async Task<RawResponse?> ReadResponseAsync()
    {
        using var hang = new CancellationTokenSource(Hang);
        int headEnd;
        while ((headEnd = IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (!await FillAsync(hang.Token))
            {
                return null;
            }
        }

        var head = Encoding.Latin1.GetString([.. _buffer.GetRange(0, headEnd)]).Split("\r\n");
        _buffer.RemoveRange(0, headEnd + 4);
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = head.Skip(1)
            .Select(line => line.Split(':', 2))
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => string.Join(",", group.Select(parts => parts[1].Trim())), StringComparer.OrdinalIgnoreCase);

        var body = "";
        if (headers.TryGetValue("Content-Length", out var length))
        {
            var bytes = int.Parse(length, System.Globalization.CultureInfo.InvariantCulture);
            while (_buffer.Count < bytes && await FillAsync(hang.Token))
            {
            }

            body = Encoding.UTF8.GetString([.. _buffer.GetRange(0, Math.Min(bytes, _buffer.Count))]);
            _buffer.RemoveRange(0, Math.Min(bytes, _buffer.Count));
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync(hang.Token);
        }

        return new RawResponse(status, headers, body);
    }

    /// <summary>True when the server closed the connection (after any answer it sent).</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        using var hang = new CancellationTokenSource(Hang);
        try
        {
            while (await FillAsync(hang.Token))
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }

    private async Task<string> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        var body = new List<byte>();
        while (true)
        {
            int lineEnd;
            while ((lineEnd = IndexOf("\r\n"u8)) < 0)
            {
                if (!await FillAsync(cancellationToken))
                {
                    return Encoding.UTF8.GetString([.. body]);
                }
            }

            var size = Convert.ToInt32(Encoding.Latin1.GetString([.. _buffer.GetRange(0, lineEnd)]).Split(';')[0], 16);
            _buffer.RemoveRange(0, lineEnd + 2);
            while (_buffer.Count < size + 2 && await FillAsync(cancellationToken))
            {
            }

            if (size == 0)
            {
                _buffer.RemoveRange(0, Math.Min(2, _buffer.Count));
                return Encoding.UTF8.GetString([.. body]);
            }

            body.AddRange(_buffer.GetRange(0, size));
            _buffer.RemoveRange(0, Math.Min(size + 2, _buffer.Count));
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        var chunk = new byte[8192];
        var read = await _stream.ReadAsync(chunk, cancellationToken);
        _buffer.AddRange(chunk.AsSpan(0, read));
        return read > 0;
    }

    private int IndexOf(ReadOnlySpan<byte> pattern) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_buffer).IndexOf(pattern);
}
