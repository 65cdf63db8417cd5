namespace PushTokenService.Application.Common.Options;

/// <summary>The <c>PushTokens</c> configuration section (API.md section 9).</summary>
public sealed class PushTokenOptions
{
    public const string Section = "PushTokens";

    public string DefaultBundleId { get; set; } = "com.lancens.app";

    /// <summary>When not empty, the only accepted <c>bundleid</c> values.</summary>
    public IList<string> AllowedBundleIds { get; } = [];

    public int MaxRecordsPerKind { get; set; } = 20;

    /// <summary>Records not updated for this many days are purged.</summary>
    public int StaleAfterDays { get; set; } = 270;

    /// <summary>Minutes between two purges of stale records and expired sessions; 0 turns the purge job off.</summary>
    public int PurgeIntervalMinutes { get; set; } = 60;

    /// <summary>
    /// Seconds a user's list stays in this instance's memory on SQLite, where every write passes through this process and
    /// drops the lists it changes at once; the limit bounds what a second process writing the same file could leave stale.
    /// 0 turns the cache off. SQL Server, with several instances writing, never caches lists.
    /// </summary>
    public int ListCacheSeconds { get; set; } = 5;

    /// <summary>Rows deleted per transaction by the purge, so that it never holds a long lock.</summary>
    public int PurgeBatchSize { get; set; } = 500;
}
