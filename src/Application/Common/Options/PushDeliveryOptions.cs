namespace PushTokenService.Application.Common.Options;

/// <summary>The <c>Push</c> configuration section's part that every channel shares (API.md section 10.5).</summary>
public sealed class PushDeliveryOptions
{
    public const string Section = "Push";

    /// <summary>The longest <see cref="DeadlineSeconds"/> accepted: a timer's range, far beyond any useful wait.</summary>
    public const double MaxDeadlineSeconds = 86_400;

    /// <summary>The longest a send waits in total, from its start; fractions of a second are allowed.</summary>
    public double DeadlineSeconds { get; set; } = 10;

    public TimeSpan Deadline => TimeSpan.FromSeconds(DeadlineSeconds);

    public bool IsValid => DeadlineSeconds is > 0 and <= MaxDeadlineSeconds;
}
