namespace PushTokenService.Infrastructure.Persistence.Errors;

/// <summary>A provider error read as a code of API.md section 6.</summary>
/// <param name="Code">100XX transient, 200XX integrity, 300XX schema and storage.</param>
/// <param name="ProviderError">The provider's own number, for the log only.</param>
/// <param name="IsTimeout">A command timeout: a write that timed out may have been committed, so only reads retry it.</param>
public sealed record DatabaseError(int Code, string ProviderError, bool IsTimeout = false)
{
    public bool IsTransient => Code is >= 10000 and < 20000;
}
