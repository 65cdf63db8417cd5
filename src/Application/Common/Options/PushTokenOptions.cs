namespace PushTokenService.Application.Common.Options;

/// <summary>The <c>PushTokens</c> configuration section (API.md section 9).</summary>
public sealed class PushTokenOptions
{
    public const string Section = "PushTokens";

    public string DefaultBundleId { get; set; } = "com.lancens.app";

    /// <summary>When not empty, the only accepted <c>bundleid</c> values.</summary>
    public IList<string> AllowedBundleIds { get; } = [];

    public int MaxRecordsPerKind { get; set; } = 20;

    public int StaleAfterDays { get; set; } = 270;
}
