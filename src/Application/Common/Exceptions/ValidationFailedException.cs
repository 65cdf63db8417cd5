namespace PushTokenService.Application.Common.Exceptions;

/// <summary>Bad input: 400 with one error string of API.md section 5.</summary>
public sealed class ValidationFailedException(string error) : Exception(error)
{
    public string Error { get; } = error;
}
