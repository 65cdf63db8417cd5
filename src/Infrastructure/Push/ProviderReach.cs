namespace PushTokenService.Infrastructure.Push;

/// <summary>
/// Whether one target's provider was reached: <see cref="Unreachable"/> when no answer came and a connection failed,
/// the difference between the reasons <c>unreachable</c> and <c>deadline</c> when the deadline ends the wait.
/// </summary>
public sealed class ProviderReach
{
    private volatile bool _answered;
    private volatile bool _connectionFailed;

    public bool Unreachable => !_answered && _connectionFailed;

    public void Answered() => _answered = true;

    /// <summary>Notes <paramref name="exception"/> when it is a failure to connect; false, so that it stays a filter.</summary>
    public bool NoteFailure(HttpRequestException exception)
    {
        if (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            _connectionFailed = true;
        }

        return false;
    }
}
