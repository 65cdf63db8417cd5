namespace PushTokenService.Api.OpenApi;

/// <summary>Documents one error status of an action with the error strings it can carry.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class ErrorsDocAttribute(int status, params string[] errors) : Attribute
{
    public int Status { get; } = status;

    public IReadOnlyList<string> Errors { get; } = errors;
}
