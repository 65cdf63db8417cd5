namespace PushTokenService.Application.Common.Options;

/// <summary>The <c>Sessions</c> configuration section (API.md section 9).</summary>
public sealed class SessionTokenOptions
{
    public const string Section = "Sessions";

    public int LifetimeDays { get; set; } = 30;
}
