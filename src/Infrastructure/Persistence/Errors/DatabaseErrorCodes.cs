namespace PushTokenService.Infrastructure.Persistence.Errors;

/// <summary>The codes of API.md section 6.</summary>
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
