using FluentValidation.Results;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Common.Options;
using PushTokenService.Application.PushTokens.Commands.AddPushToken;
using PushTokenService.Application.PushTokens.Commands.UpdatePushToken;
using PushTokenService.Application.UnitTests.Support;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.UnitTests.PushTokens;

/// <summary>The field rules of API.md section 3, first failure only, for POST and PUT alike.</summary>
[TestFixtureSource(nameof(Commands))]
public sealed class PushTokenFieldsValidatorTests(string command)
{
    public static readonly string[] Commands = ["POST", "PUT"];

    private static readonly string Token256 = new('a', 256);

    public static IEnumerable<TestCaseData> FieldErrors()
    {
        // push_token: missing/null, then JSON type, then length, then value.
        yield return Case("""{"language":"en"}""", "undefined push_token");
        yield return Case("""{"push_token":null,"language":"en"}""", "undefined push_token");
        yield return Case("""{"push_token":123,"language":"en"}""", "push_token format error");
        yield return Case("""{"push_token":true,"language":"en"}""", "push_token format error");
        yield return Case("""{"push_token":["abc"],"language":"en"}""", "push_token format error");
        yield return Case("""{"push_token":{"a":"b"},"language":"en"}""", "push_token format error");
        yield return Case("""{"push_token":"","language":"en"}""", "push_token length error");
        yield return Case($$"""{"push_token":"{{Token256}}a","language":"en"}""", "push_token length error");
        yield return Case("""{"push_token":"abc def","language":"en"}""", "push_token error");
        yield return Case("""{"push_token":"abc\u00e9","language":"en"}""", "push_token error");

        // language
        yield return Case("""{"push_token":"abc"}""", "undefined language");
        yield return Case("""{"push_token":"abc","language":null}""", "undefined language");
        yield return Case("""{"push_token":"abc","language":1}""", "language format error");
        yield return Case("""{"push_token":"abc","language":"e"}""", "language length error");
        yield return Case("""{"push_token":"abc","language":"zh_Hans_CN1"}""", null);
        yield return Case("""{"push_token":"abc","language":"zh_Hans_CN12"}""", "language length error");
        yield return Case("""{"push_token":"abc","language":"12"}""", "language error");
        yield return Case("""{"push_token":"abc","language":"zh CN"}""", "language error");

        // dev
        yield return Case("""{"push_token":"abc","language":"en","dev":"1"}""", "dev format error");
        yield return Case("""{"push_token":"abc","language":"en","dev":1.5}""", "dev format error");
        yield return Case("""{"push_token":"abc","language":"en","dev":true}""", "dev format error");
        yield return Case("""{"push_token":"abc","language":"en","dev":2}""", "dev error");
        yield return Case("""{"push_token":"abc","language":"en","dev":-1}""", "dev error");

        // bundleid
        yield return Case("""{"push_token":"abc","language":"en","bundleid":1}""", "bundleid format error");
        yield return Case($$"""{"push_token":"abc","language":"en","bundleid":"{{new string('b', 129)}}"}""", "bundleid length error");
        yield return Case("""{"push_token":"abc","language":"en","bundleid":"com example"}""", "bundleid error");

        // os
        yield return Case("""{"push_token":"abc","language":"en","os":1}""", "os format error");
        yield return Case($$"""{"push_token":"abc","language":"en","os":"{{new string('o', 33)}}"}""", "os length error");
        yield return Case("""{"push_token":"abc","language":"en","os":"Huawei\u0007"}""", "os error");

        // os_token and push_platform go together
        yield return Case("""{"push_token":"abc","language":"en","os_token":"x"}""", "undefined push_platform");
        yield return Case("""{"push_token":"abc","language":"en","os_token":"x","push_platform":null}""", "undefined push_platform");
        yield return Case("""{"push_token":"abc","language":"en","os_token":"x","push_platform":""}""", "undefined push_platform");
        yield return Case("""{"push_token":"abc","language":"en","push_platform":"FCM"}""", "undefined os_token");
        yield return Case("""{"push_token":"abc","language":"en","os_token":null,"push_platform":"FCM"}""", "undefined os_token");
        yield return Case("""{"push_token":"abc","language":"en","os_token":"","push_platform":"FCM"}""", "undefined os_token");
        yield return Case("""{"push_token":"abc","language":"en","os_token":1,"push_platform":"FCM"}""", "os_token format error");
        yield return Case($$"""{"push_token":"abc","language":"en","os_token":"{{new string('t', 513)}}","push_platform":"FCM"}""", "os_token length error");
        yield return Case("""{"push_token":"abc","language":"en","os_token":"a b","push_platform":"FCM"}""", "os_token error");
        yield return Case("""{"push_token":"abc","language":"en","os_token":"x","push_platform":1}""", "push_platform format error");
        yield return Case("""{"push_token":"abc","language":"en","os_token":"x","push_platform":"APNS"}""", "push_platform error");
    }

    public static IEnumerable<TestCaseData> FirstFailureOrder()
    {
        yield return Case("""{"push_token":1}""", "push_token format error").SetName("{m}_push_token_before_language");
        yield return Case("""{"push_token":"abc","language":"zh CN","dev":"1"}""", "language error").SetName("{m}_language_before_dev");
        yield return Case("""{"push_token":"abc","language":"en","dev":2,"bundleid":1}""", "dev error").SetName("{m}_dev_before_bundleid");
        yield return Case("""{"push_token":"abc","language":"en","bundleid":"com app","os":1}""", "bundleid error").SetName("{m}_bundleid_before_os");
        yield return Case("""{"push_token":"abc","language":"en","os":1,"os_token":1,"push_platform":"FCM"}""", "os format error").SetName("{m}_os_before_os_token");
        yield return Case("""{"push_token":"abc","language":"en","os_token":"a b","push_platform":"APNS"}""", "os_token error").SetName("{m}_os_token_before_push_platform");
        yield return Case("""{"push_token":"abc","language":"en","os_token":1}""", "os_token format error").SetName("{m}_os_token_type_before_missing_push_platform");
        yield return Case($$"""{"push_token":"{{new string(' ', 257)}}","language":"en"}""", "push_token length error").SetName("{m}_length_before_value");
        yield return Case("""{"push_token":"abc","language":"en","dev":"2"}""", "dev format error").SetName("{m}_type_before_value");
    }

    public static IEnumerable<TestCaseData> ValidBodies()
    {
        yield return Case("""{"push_token":"abc","language":"en"}""", null).SetName("{m}_only_required_fields");
        foreach (var length in new[] { 1, 64, 108, 160, 256 })
        {
            yield return Case($$"""{"push_token":"{{new string('f', length)}}","language":"en"}""", null).SetName($"{{m}}_push_token_of_{length}_chars");
        }

        yield return Case(
            """{"push_token":"abc","language":"zh_Hans_CN","dev":1,"bundleid":"com.example.app","os":"OPPO Reno 8","os_token":"os-token:1","push_platform":"oppo"}""",
            null).SetName("{m}_all_fields");
        yield return Case(
            """{"push_token":"abc","language":"en","dev":null,"bundleid":null,"os":null,"os_token":null,"push_platform":null}""",
            null).SetName("{m}_optional_fields_null");
        yield return Case(
            """{"push_token":"abc","language":"en","bundleid":"","os":"","os_token":"","push_platform":""}""",
            null).SetName("{m}_optional_strings_empty");
        yield return Case("""{"push_token":"abc","language":"en","userid":"x","extra":[1]}""", null).SetName("{m}_unknown_fields");
    }

    [TestCaseSource(nameof(FieldErrors))]
    public void Field_error_is_reported_with_its_contract_string(string json, string? error) =>
        Assert.That(FirstError(json), Is.EqualTo(error));

    [TestCaseSource(nameof(FirstFailureOrder))]
    public void First_failure_in_field_order_wins(string json, string error) =>
        Assert.That(FirstError(json), Is.EqualTo(error));

    [TestCaseSource(nameof(ValidBodies))]
    public void Valid_body_passes(string json, string? error) =>
        Assert.That(FirstError(json), Is.EqualTo(error));

    [Test]
    public void Bundleid_not_in_the_configured_list_is_bundleid_error() =>
        Assert.That(FirstError("""{"push_token":"abc","language":"en","bundleid":"com.other.app"}""", "com.a.app", "com.b.app"), Is.EqualTo("bundleid error"));

    [Test]
    public void Bundleid_in_the_configured_list_passes() =>
        Assert.That(FirstError("""{"push_token":"abc","language":"en","bundleid":"com.b.app"}""", "com.a.app", "com.b.app"), Is.Null);

    [Test]
    public void Bundleid_not_sent_passes_the_configured_list() =>
        Assert.That(FirstError("""{"push_token":"abc","language":"en","bundleid":""}""", "com.a.app"), Is.Null);

    [Test]
    public void Malformed_bundleid_is_a_length_error_before_the_configured_list() =>
        Assert.That(FirstError($$"""{"push_token":"abc","language":"en","bundleid":"{{new string('b', 129)}}"}""", "com.a.app"), Is.EqualTo("bundleid length error"));

    [Test]
    public void Any_well_formed_bundleid_passes_when_no_list_is_configured() =>
        Assert.That(FirstError("""{"push_token":"abc","language":"en","bundleid":"org.any-app_1"}"""), Is.Null);

    [Test]
    public void Only_the_first_failure_is_reported() =>
        Assert.That(Validate("""{"push_token":1,"language":1,"dev":"x","bundleid":2}""").Errors, Has.Count.EqualTo(1));

    private static TestCaseData Case(string json, string? error) => new(json, error);

    private string? FirstError(string json, params string[] allowedBundleIds)
    {
        var result = Validate(json, allowedBundleIds);
        return result.IsValid ? null : result.Errors[0].ErrorMessage;
    }

    private ValidationResult Validate(string json, params string[] allowedBundleIds)
    {
        var settings = new PushTokenOptions();
        foreach (var id in allowedBundleIds)
        {
            settings.AllowedBundleIds.Add(id);
        }

        var options = Options.Create(settings);
        var fields = Bodies.Fields(json);
        return command switch
        {
            "POST" => new AddPushTokenCommandValidator(options).Validate(new AddPushTokenCommand(TokenKind.Ring, Fixtures.Caller, fields)),
            "PUT" => new UpdatePushTokenCommandValidator(options).Validate(new UpdatePushTokenCommand(TokenKind.Message, Fixtures.Caller, 1, fields)),
            _ => throw new InvalidOperationException(command),
        };
    }
}
