using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>
/// One log entry as any sink would see it: its message, and <see cref="Everything"/>, one line that starts with the level
/// and holds the category, the message, the structured values, the scopes and the exception.
/// </summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, string Everything, Exception? Exception);

/// <summary>
/// Keeps every entry of every category it is let see, with its structured values, its scopes and its exception text:
/// what the most verbose sink in production could write, to look for what must never be logged.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Each entry as one line of text.</summary>
    public IReadOnlyList<string> Lines => [.. _entries.Select(entry => entry.Everything)];

    /// <summary>All captured text, one entry a line.</summary>
    public string AllText => string.Join('\n', Lines);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, LogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var text = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(message);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" |").Append(key).Append('=').Append(value);
                }
            }

            owner._scopes.ForEachScope((scope, builder) => builder.Append(" |scope=").Append(scope), text);
            if (exception is not null)
            {
                text.Append(" |exception=").Append(exception);
            }

            owner._entries.Enqueue(new LogEntry(category, logLevel, message, text.ToString(), exception));
        }
    }
}
