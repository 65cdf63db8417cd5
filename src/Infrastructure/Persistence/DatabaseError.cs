namespace PushTokenService.Infrastructure.Persistence;

/// <summary>A provider error read as a code of API.md section 6.</summary>
/// <param name="Code">100XX transient, 200XX integrity, 300XX schema and storage.</param>
/// <param name="ProviderError">The provider's own number, for the log only.</param>
/// <param name="IsTimeout">A command timeout: a write that timed out may have been committed, so only reads retry it.</param>
public sealed record DatabaseError(int Code, string ProviderError, bool IsTimeout = false)
{
    public bool IsTransient => Code is >= 10000 and < 20000;

}

public static class DatabaseErrorCodes
{
    public const int CannotConnect = 10001;
    public const int Timeout = 10002;
    public const int Busy = 10003;
    public const int PoolExhausted = 10051;
    public const int UniqueViolation = 20001;
    public const int ForeignKey = 20002;
    public const int ValueTooLong = 20003;
    public const int NotNull = 20004;
    public const int Integrity = 20099;
    public const int SchemaMissing = 30001;
    public const int InvalidStatement = 30002;
    public const int Storage = 30003;
    public const int Other = 30099;
}

/// <summary>Reads one provider's exceptions as <see cref="DatabaseError"/>s.</summary>
public interface IDatabaseErrorClassifier
{
    /// <summary>The error, or null when the exception is not the database's.</summary>
    DatabaseError? Classify(Exception exception);
}
