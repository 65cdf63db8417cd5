using PushTokenService.Application.Admin.Queries.LookupPushTokens;
using PushTokenService.Application.Common.Json;

namespace PushTokenService.Application.UnitTests.Admin;

public sealed class LookupPushTokensQueryValidatorTests
{
    private static readonly LookupPushTokensQueryValidator Validator = new();

    private static IEnumerable<TestCaseData> Failures()
    {
        yield return Case(Fields.Missing, Fields.Numbers(1), "undefined kind");
        yield return Case(Fields.Null, Fields.Numbers(1), "undefined kind");
        yield return Case(Fields.Number(1), Fields.Numbers(1), "kind format error");
        yield return Case(Fields.MixedArray, Fields.Numbers(1), "kind format error");
        yield return Case(Fields.Text("Ring"), Fields.Numbers(1), "kind error");
        yield return Case(Fields.Text(""), Fields.Numbers(1), "kind error");
        yield return Case(Fields.Text("bell"), Fields.Missing, "kind error");
        yield return Case(Fields.Text("ring"), Fields.Missing, "undefined user_ids");
        yield return Case(Fields.Text("message"), Fields.Null, "undefined user_ids");
        yield return Case(Fields.Text("ring"), Fields.Number(1), "user_ids format error");
        yield return Case(Fields.Text("ring"), Fields.Text("1"), "user_ids format error");
        yield return Case(Fields.Text("ring"), Fields.Object, "user_ids format error");
        yield return Case(Fields.Text("ring"), Fields.MixedArray, "user_ids format error");
        yield return Case(Fields.Text("ring"), Fields.Numbers(), "user_ids length error");
        yield return Case(Fields.Text("ring"), Fields.Numbers(Enumerable.Range(1, 1001).Select(i => (long)i).ToArray()), "user_ids length error");
        yield return Case(Fields.Text("ring"), Fields.Numbers(0), "user_ids error");
        yield return Case(Fields.Text("ring"), Fields.Numbers(3, -4), "user_ids error");
    }

    private static TestCaseData Case(JsonField kind, JsonField userIds, string error) =>
        new TestCaseData(kind, userIds, error).SetArgDisplayNames(error, kind.ToString(), userIds.ToString());

    [TestCaseSource(nameof(Failures))]
    public void Lookup_reports_the_first_failing_check(JsonField kind, JsonField userIds, string error)
    {
        var result = Validator.Validate(new LookupPushTokensQuery(kind, userIds));

        Assert.That(result.Errors.Select(e => e.ErrorMessage), Is.EqualTo(new[] { error }));
    }

    [Test]
    public void Lookup_of_1000_ids_with_duplicates_is_valid()
    {
        var ids = Enumerable.Range(1, 999).Select(i => (long)i).Append(1).ToArray();

        Assert.That(Validator.Validate(new LookupPushTokensQuery(Fields.Text("ring"), Fields.Numbers(ids))).IsValid, Is.True);
    }

    [TestCase("ring")]
    [TestCase("message")]
    public void Lookup_accepts_both_kinds(string kind) =>
        Assert.That(Validator.Validate(new LookupPushTokensQuery(Fields.Text(kind), Fields.Numbers(long.MaxValue))).IsValid, Is.True);
}
