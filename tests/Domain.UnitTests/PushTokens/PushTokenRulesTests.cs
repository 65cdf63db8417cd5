using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Domain.UnitTests.PushTokens;

public sealed class PushTokenRulesTests
{
    [TestCase(64, TestName = "Push_token_of_64_chars_the_classic_APNs_hex_is_valid")]
    [TestCase(108, TestName = "Push_token_of_108_chars_is_valid")]
    [TestCase(160, TestName = "Push_token_of_160_chars_an_FCM_token_is_valid")]
    [TestCase(256, TestName = "Push_token_of_256_chars_the_limit_is_valid")]
    public void Push_token_of_real_world_length_is_valid(int length)
    {
        var token = new string('a', length - 1) + "F";

        Assert.Multiple(() =>
        {
            Assert.That(PushTokenRules.IsPrintableAsciiWithoutSpaces(token), Is.True);
            Assert.That(token, Has.Length.LessThanOrEqualTo(PushTokenRules.PushTokenMaxLength));
        });
    }

    [Test]
    public void Push_token_limit_is_256_chars() =>
        Assert.That(PushTokenRules.PushTokenMaxLength, Is.EqualTo(256));

    [TestCase("!")]
    [TestCase("~")]
    [TestCase("APA91bH:abc-DEF_123/+=")]
    [TestCase("740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad")]
    public void Printable_ascii_without_spaces_is_valid(string value) =>
        Assert.That(PushTokenRules.IsPrintableAsciiWithoutSpaces(value), Is.True);

    [TestCase("abc def", TestName = "Push_token_with_a_space_is_invalid")]
    [TestCase("abc\tdef", TestName = "Push_token_with_a_tab_is_invalid")]
    [TestCase("abc\ndef", TestName = "Push_token_with_a_newline_is_invalid")]
    [TestCase("abc\u007f", TestName = "Push_token_with_DEL_is_invalid")]
    [TestCase("abcé", TestName = "Push_token_with_non_ASCII_letter_is_invalid")]
    [TestCase("令牌", TestName = "Push_token_of_Chinese_characters_is_invalid")]
    public void Push_token_outside_printable_ascii_is_invalid(string value) =>
        Assert.That(PushTokenRules.IsPrintableAsciiWithoutSpaces(value), Is.False);

    [TestCase("en")]
    [TestCase("eng")]
    [TestCase("zh-CN")]
    [TestCase("pt_BR")]
    [TestCase("zh_Hans_CN")]
    [TestCase("zh-Hant-TW")]
    [TestCase("es-419")]
    public void Language_tag_is_valid(string value) =>
        Assert.That(PushTokenRules.IsValidLanguage(value), Is.True);

    [TestCase("e")]
    [TestCase("12")]
    [TestCase("1en")]
    [TestCase("zh CN")]
    [TestCase("zh-")]
    [TestCase("-zh")]
    [TestCase("zh--CN")]
    [TestCase("zh.CN")]
    [TestCase("中文")]
    [TestCase("")]
    public void Language_that_is_not_a_tag_is_invalid(string value) =>
        Assert.That(PushTokenRules.IsValidLanguage(value), Is.False);

    [Test]
    public void Language_length_is_2_to_11() =>
        Assert.That((PushTokenRules.LanguageMinLength, PushTokenRules.LanguageMaxLength), Is.EqualTo((2, 11)));

    [TestCase("com.lancens.app")]
    [TestCase("com.example.my-app_2")]
    [TestCase("A")]
    public void Bundle_id_of_letters_digits_dots_dashes_and_underscores_is_valid(string value) =>
        Assert.That(PushTokenRules.IsValidBundleId(value), Is.True);

    [TestCase("com example")]
    [TestCase("com/example")]
    [TestCase("com.例子")]
    [TestCase("")]
    public void Bundle_id_with_other_characters_is_invalid(string value) =>
        Assert.That(PushTokenRules.IsValidBundleId(value), Is.False);

    [TestCase("Huawei")]
    [TestCase("OPPO Reno 8")]
    [TestCase("小米")]
    public void Os_name_is_any_text_without_control_characters(string value) =>
        Assert.That(PushTokenRules.IsValidOs(value), Is.True);

    [TestCase("Huawei\n")]
    [TestCase("a\u0000b")]
    public void Os_name_with_control_characters_is_invalid(string value) =>
        Assert.That(PushTokenRules.IsValidOs(value), Is.False);

    [TestCase(0, TestName = "Dev_0_APNs_production_is_valid")]
    [TestCase(1, TestName = "Dev_1_APNs_sandbox_is_valid")]
    public void Dev_is_production_or_sandbox(long value) =>
        Assert.That(PushTokenRules.IsValidDev(value), Is.True);

    [TestCase(2)]
    [TestCase(-1)]
    [TestCase(long.MaxValue)]
    public void Dev_other_than_0_or_1_is_invalid(long value) =>
        Assert.That(PushTokenRules.IsValidDev(value), Is.False);

    [TestCase("HUAWEI")]
    [TestCase("XIAOMI")]
    [TestCase("OPPO")]
    [TestCase("VIVO")]
    [TestCase("HONOR")]
    [TestCase("MEIZU")]
    [TestCase("FCM")]
    [TestCase("huawei")]
    [TestCase("Fcm")]
    public void Known_push_platform_in_any_case_is_valid(string value) =>
        Assert.That(PushTokenRules.IsKnownPushPlatform(value), Is.True);

    [TestCase("APNS")]
    [TestCase("SAMSUNG")]
    [TestCase(" FCM")]
    [TestCase("")]
    public void Unknown_push_platform_is_invalid(string value) =>
        Assert.That(PushTokenRules.IsKnownPushPlatform(value), Is.False);

    [TestCase("huawei", "HUAWEI")]
    [TestCase("Fcm", "FCM")]
    [TestCase("XIAOMI", "XIAOMI")]
    public void Push_platform_is_stored_upper_case(string sent, string stored) =>
        Assert.That(PushTokenRules.NormalizePushPlatform(sent), Is.EqualTo(stored));
}
