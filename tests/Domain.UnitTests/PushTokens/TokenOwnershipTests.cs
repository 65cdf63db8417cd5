using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Domain.UnitTests.PushTokens;

public sealed class TokenOwnershipTests
{
    private const long Caller = 7;
    private const long OtherUser = 8;

    [Test]
    public void Post_of_a_token_the_caller_holds_refreshes_its_record() =>
        Assert.That(TokenOwnership.OnPost(Caller, holderUserId: Caller), Is.EqualTo(HeldToken.RefreshCallersRecord));

    [Test]
    public void Post_of_a_token_another_user_holds_moves_it_to_the_caller() =>
        Assert.That(TokenOwnership.OnPost(Caller, holderUserId: OtherUser), Is.EqualTo(HeldToken.MoveToCaller));

    [Test]
    public void Put_to_a_token_another_record_of_the_caller_holds_is_a_conflict() =>
        Assert.That(TokenOwnership.OnPut(Caller, holderUserId: Caller), Is.EqualTo(HeldToken.Conflict));

    [Test]
    public void Put_to_a_token_another_user_holds_moves_it_to_the_caller() =>
        Assert.That(TokenOwnership.OnPut(Caller, holderUserId: OtherUser), Is.EqualTo(HeldToken.MoveToCaller));
}
