namespace PushTokenService.Api.RateLimiting;

/// <summary>The <c>RateLimits</c> configuration section (API.md section 9).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Failed logins per user name and per client address in a minute; then 429.</summary>
    public int LoginPerMinute { get; set; } = 10;

    /// <summary>Registrations per client address in a minute; then 429.</summary>
    public int RegisterPerMinute { get; set; } = 20;

    /// <summary>Requests per session token in a minute; then 429. 0 turns the limit off.</summary>
    public int RequestsPerSessionPerMinute { get; set; } = 1200;
}
