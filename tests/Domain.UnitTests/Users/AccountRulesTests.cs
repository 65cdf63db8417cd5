using PushTokenService.Domain.Users;

namespace PushTokenService.Domain.UnitTests.Users;

public sealed class AccountRulesTests
{
    [TestCase("alice")]
    [TestCase("Alice_01")]
    [TestCase("alice.smith@example.com")]
    [TestCase("+8613800138000")]
    [TestCase("a-b.c_d+e@f")]
    public void User_name_email_or_phone_number_is_a_valid_username(string value) =>
        Assert.That(AccountRules.IsValidUsername(value), Is.True);

    [TestCase("alice smith")]
    [TestCase("alice/smith")]
    [TestCase("alice#1")]
    [TestCase("张三丰")]
    [TestCase("")]
    public void Username_with_other_characters_is_invalid(string value) =>
        Assert.That(AccountRules.IsValidUsername(value), Is.False);

    [Test]
    public void Username_is_3_to_64_and_password_8_to_128_characters() =>
        Assert.That(
            (AccountRules.UsernameMinLength, AccountRules.UsernameMaxLength, AccountRules.PasswordMinLength, AccountRules.PasswordMaxLength),
            Is.EqualTo((3, 64, 8, 128)));
}
