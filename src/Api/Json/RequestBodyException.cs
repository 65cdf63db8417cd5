namespace PushTokenService.Api.Json;

/// <summary>A body rejected as a whole before its fields are read: 400, 413 or 415.</summary>
public sealed class RequestBodyException(int statusCode, string error) : Exception(error)
{
    public int StatusCode { get; } = statusCode;

    public string Error { get; } = error;
}
