namespace PushTokenService.Domain.Delivery;

/// <summary>
/// What a provider's "this token is dead" becomes (API.md section 10.4): the record is deleted only if it still holds
/// the token that was sent and was not refreshed after the provider's timestamp; a record changed during the send
/// (a PUT, a new registration) wins, and the target is then only <see cref="PushOutcome.Failed"/>.
/// </summary>
public static class DeadTokenRule
{
    public static PushOutcome Outcome(int deletedRecords) => deletedRecords > 0 ? PushOutcome.Invalidated : PushOutcome.Failed;
}
