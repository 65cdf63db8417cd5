using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PushTokenService.Api.FunctionalTests.Hardening.Support;

/// <summary>One log entry as any sink would see it: message, structured values, scopes and exception.</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, string Message, string Everything, Exception? Exception);

/// <summary>
/// A logger provider that keeps every entry of every category at every level, with its structured values,
/// its scopes and its exception text: what the most verbose sink in production could write.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    /// <summary>All captured text, one entry a line.</summary>
    public string AllText => string.Join('\n', _entries.Select(entry => entry.Everything));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var text = new StringBuilder().Append(category).Append(' ').Append(logLevel).Append(' ').Append(message);
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

            owner._entries.Enqueue(new CapturedLogEntry(category, logLevel, message, text.ToString(), exception));
        }
    }
}
