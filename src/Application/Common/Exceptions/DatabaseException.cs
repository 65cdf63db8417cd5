namespace PushTokenService.Application.Common.Exceptions;

/// <summary>
/// A provider error mapped to a code of API.md section 6. 100XX codes are transient (503 with Retry-After),
/// the others are 500. The provider's own number stays in the log, never in a response.
/// </summary>
public sealed class DatabaseException(int code, string providerError, Exception? inner = null)
    : Exception($"database error {code} ({providerError})", inner)
{
    public int Code { get; } = code;

    public string ProviderError { get; } = providerError;

    public bool IsTransient => Code is >= 10000 and < 20000;
}
