namespace PushTokenService.Application.Common.Exceptions;

/// <summary>Something already exists: 409 <c>X exist</c>, with the id of what exists when there is one.</summary>
public sealed class ConflictException(string error, long? existingId = null) : Exception(error)
{
    public string Error { get; } = error;

    public long? ExistingId { get; } = existingId;
}
