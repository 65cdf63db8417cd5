namespace PushTokenService.Application.Common.Exceptions;

/// <summary>Missing or wrong credentials: 401 with one error string of API.md section 5 or 7.</summary>
public sealed class UnauthenticatedException(string error) : Exception(error)
{
    public string Error { get; } = error;
}
