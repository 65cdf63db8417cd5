using Microsoft.Extensions.Logging;

namespace PushTokenService.Infrastructure.IntegrationTests.Support;

/// <summary>Keeps every entry logged through it, with its level and exception, for tests of what reaches the log.</summary>
public sealed class LogCapture
{
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>A provider whose loggers write here, for a service collection's logging.</summary>
    public ILoggerProvider Provider() => new SinkProvider(this);

    /// <summary>A logger of category <typeparamref name="T"/> writing here.</summary>
    public ILogger<T> For<T>() => new Sink<T>(this);

    private void Add(LogEntry entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }

    private sealed class SinkProvider(LogCapture capture) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Sink<SinkProvider>(capture);

        public void Dispose()
        {
        }
    }

    private sealed class Sink<T>(LogCapture capture) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Add(new LogEntry(logLevel, formatter(state, exception), exception));
    }
}

public sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);
