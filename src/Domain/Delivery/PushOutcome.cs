namespace PushTokenService.Domain.Delivery;

/// <summary>What became of one record in one send (API.md section 10.2).</summary>
public enum PushOutcome
{
    /// <summary>The provider accepted the push.</summary>
    Sent = 1,

    /// <summary>The provider says the token is dead and the record was deleted.</summary>
    Invalidated,

    /// <summary>Refused for another reason, or still failing at the deadline.</summary>
    Failed,

    /// <summary>No credentials of this channel for the record's bundle id: nothing sent, nothing deleted.</summary>
    NotConfigured,

    /// <summary>A channel not implemented yet.</summary>
    Unsupported,

    /// <summary>A dry run: the target and its channel were resolved, no provider was contacted.</summary>
    DryRun,
}

/// <summary>The outcome's name on the wire and in metrics.</summary>
public static class PushOutcomeNames
{
    public static string Name(this PushOutcome outcome) => outcome switch
    {
        PushOutcome.Sent => "sent",
        PushOutcome.Invalidated => "invalidated",
        PushOutcome.Failed => "failed",
        PushOutcome.NotConfigured => "not_configured",
        PushOutcome.Unsupported => "unsupported",
        PushOutcome.DryRun => "dry_run",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a push outcome."),
    };
}
