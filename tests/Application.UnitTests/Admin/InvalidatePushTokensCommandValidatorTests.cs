using PushTokenService.Application.Admin.Commands.InvalidatePushTokens;
using PushTokenService.Application.Common.Json;

namespace PushTokenService.Application.UnitTests.Admin;

public sealed class InvalidatePushTokensCommandValidatorTests
{
    private static readonly InvalidatePushTokensCommandValidator Validator = new();

    private static InvalidatePushTokensCommand Command(
        JsonField? kind = null, JsonField? pushToken = null, JsonField? osToken = null, JsonField? bundleId = null,
        JsonField? dev = null, JsonField? invalidSince = null) =>
        new(kind ?? Fields.Text("ring"), pushToken ?? Fields.Missing, osToken ?? Fields.Missing,
            bundleId ?? Fields.Missing, dev ?? Fields.Missing, invalidSince ?? Fields.Missing);

    private static IEnumerable<TestCaseData> Failures()
    {
        var token = Fields.Text("abc");
        yield return Case("undefined kind", Command(kind: Fields.Missing, pushToken: token));
        yield return Case("kind format error", Command(kind: Fields.Boolean, pushToken: token));
        yield return Case("kind error", Command(kind: Fields.Text("voip"), pushToken: token));
        yield return Case("undefined push_token", Command());
        yield return Case("undefined push_token", Command(pushToken: Fields.Null, osToken: Fields.Text("")));
        yield return Case("undefined push_token", Command(bundleId: Fields.Text("com.lancens.app"), dev: Fields.Number(0)));
        yield return Case("push_token format error", Command(pushToken: Fields.Number(5)));
        yield return Case("push_token length error", Command(pushToken: Fields.Text(new string('a', 257))));
        yield return Case("push_token error", Command(pushToken: Fields.Text("a b")));
        yield return Case("os_token format error", Command(osToken: Fields.Object));
        yield return Case("os_token length error", Command(osToken: Fields.Text(new string('a', 513))));
        yield return Case("os_token error", Command(osToken: Fields.Text("a\u00e9")));
        yield return Case("os_token format error", Command(pushToken: token, osToken: Fields.Number(1)));
        yield return Case("bundleid format error", Command(pushToken: token, bundleId: Fields.Number(1)));
        yield return Case("bundleid length error", Command(pushToken: token, bundleId: Fields.Text(new string('a', 129))));
        yield return Case("bundleid error", Command(pushToken: token, bundleId: Fields.Text("com/lancens")));
        yield return Case("dev format error", Command(pushToken: token, dev: Fields.Text("1")));
        yield return Case("dev format error", Command(pushToken: token, dev: Fields.Decimal));
        yield return Case("dev error", Command(pushToken: token, dev: Fields.Number(-1)));
        yield return Case("invalid_since format error", Command(pushToken: token, invalidSince: Fields.Number(1740817800)));
        yield return Case("invalid_since error", Command(pushToken: token, invalidSince: Fields.Text("2025-02-30T00:00:00Z")));
        yield return Case("invalid_since error", Command(pushToken: token, invalidSince: Fields.Text("1 March 2025")));
        yield return Case("dev format error", Command(pushToken: token, dev: Fields.Boolean, invalidSince: Fields.Boolean));
    }

    private static TestCaseData Case(string error, InvalidatePushTokensCommand command) =>
        new TestCaseData(command, error).SetArgDisplayNames(error);

    [TestCaseSource(nameof(Failures))]
    public void Invalidate_reports_the_first_failing_check(InvalidatePushTokensCommand command, string error)
    {
        var result = Validator.Validate(command);

        Assert.That(result.Errors.Select(e => e.ErrorMessage), Is.EqualTo(new[] { error }));
    }

    private static IEnumerable<TestCaseData> Valid()
    {
        yield return new TestCaseData(Command(pushToken: Fields.Text("abc"))).SetArgDisplayNames("push_token");
        yield return new TestCaseData(Command(osToken: Fields.Text("hms-1"))).SetArgDisplayNames("os_token");
        yield return new TestCaseData(Command(pushToken: Fields.Text(""), osToken: Fields.Text("hms-1"))).SetArgDisplayNames("empty push_token, os_token");
        yield return new TestCaseData(Command(
            kind: Fields.Text("message"), pushToken: Fields.Text("abc"), osToken: Fields.Text("hms-1"), bundleId: Fields.Text("com.lancens.app"),
            dev: Fields.Number(1), invalidSince: Fields.Text("2025-03-01T16:30:00+08:00"))).SetArgDisplayNames("every field");
        yield return new TestCaseData(Command(
            pushToken: Fields.Text("abc"), bundleId: Fields.Null, dev: Fields.Null, invalidSince: Fields.Text(""))).SetArgDisplayNames("optional fields absent");
    }

    [TestCaseSource(nameof(Valid))]
    public void Invalidate_accepts_a_well_formed_body(InvalidatePushTokensCommand command) =>
        Assert.That(Validator.Validate(command).IsValid, Is.True);
}
