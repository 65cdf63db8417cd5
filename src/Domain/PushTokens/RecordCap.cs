namespace PushTokenService.Domain.PushTokens;

/// <summary>
/// A user keeps at most <c>PushTokens:MaxRecordsPerKind</c> records of each kind. A POST that goes beyond evicts, in its
/// own transaction, the least recently updated records of that kind (the lowest id first among equal times).
/// </summary>
public static class RecordCap
{
    /// <summary>True when a user now holding <paramref name="held"/> records of a kind is beyond <paramref name="max"/>.</summary>
    public static bool IsExceeded(long held, int max) => held > max;
}
