namespace PushTokenService.Application.Common.Options;

/// <summary>The <c>Sessions</c> configuration section (API.md section 9).</summary>
public sealed class SessionTokenOptions
{
    public const string Section = "Sessions";

    public int LifetimeDays { get; set; } = 30;

    /// <summary>
    /// How long an instance may answer from memory for a session it has seen (0 turns the cache off).
    /// It bounds how late a logout on another instance is seen here.
    /// </summary>
    public int CacheSeconds { get; set; } = 30;
}
