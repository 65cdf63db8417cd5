namespace PushTokenService.Api.Hosting;

/// <summary>The <c>Limits</c> configuration section (API.md section 9).</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    public int MaxBodyBytes { get; set; } = 16384;
}
