using Microsoft.Extensions.Options;
using PushTokenService.Application.Common.Options;
using PushTokenService.Application.Delivery.Commands.SendPush;
using PushTokenService.Application.UnitTests.Support;

namespace PushTokenService.Application.UnitTests.Delivery;

/// <summary>API.md section 10.2's fields in table order, first failure wins, with section 5's strings.</summary>
public sealed class SendPushCommandValidatorTests
{
    private static readonly SendPushCommandValidator Validator = new(Options.Create(new PushTokenOptions()));

    private static IEnumerable<TestCaseData> Failures()
    {
        const string ids = "\"user_ids\":[1]";
        yield return Case("undefined kind", """{"user_ids":[1]}""");
        yield return Case("undefined kind", """{"kind":null,"title":5}""");
        yield return Case("kind format error", """{"kind":1,"user_ids":[1]}""");
        yield return Case("kind error", """{"kind":"voip","user_ids":[1]}""");
        yield return Case("undefined user_ids", """{"kind":"ring","title":5}""");
        yield return Case("user_ids format error", """{"kind":"ring","user_ids":"1"}""");
        yield return Case("user_ids format error", """{"kind":"ring","user_ids":[1,"2"]}""");
        yield return Case("user_ids length error", """{"kind":"ring","user_ids":[]}""");
        yield return Case("user_ids length error", $$"""{"kind":"ring","user_ids":[{{string.Join(',', Enumerable.Range(1, 1001))}}]}""");
        yield return Case("user_ids error", """{"kind":"ring","user_ids":[1,0]}""");
        yield return Case("title format error", $$"""{"kind":"ring",{{ids}},"title":5,"body":5}""");
        yield return Case("title length error", $$"""{"kind":"ring",{{ids}},"title":"{{new string('t', 129)}}"}""");
        yield return Case("body format error", $$"""{"kind":"ring",{{ids}},"body":["b"],"data":5}""");
        yield return Case("body length error", $$"""{"kind":"ring",{{ids}},"body":"{{new string('b', 1025)}}"}""");
        yield return Case("data format error", $$"""{"kind":"ring",{{ids}},"data":"door"}""");
        yield return Case("data format error", $$"""{"kind":"ring",{{ids}},"data":[]}""");
        yield return Case("data format error", $$$"""{"kind":"ring",{{{ids}}},"data":{"event":1}}""");
        yield return Case("data format error", $$$$"""{"kind":"ring",{{{{ids}}}},"data":{"event":{"a":"b"}}}""");
        yield return Case("data length error", $$"""{"kind":"ring",{{ids}},"data":{{Data(33)}}}""");
        yield return Case("data length error", $$$"""{"kind":"ring",{{{ids}}},"data":{"":"empty key"}}""");
        yield return Case("data length error", $$$"""{"kind":"ring",{{{ids}}},"data":{"{{{new string('k', 65)}}}":"v"}}""");
        foreach (var reserved in new[] { "aps", "push_id", "sent_at", "kind", "title", "body" })
        {
            yield return Case("data error", $$$"""{"kind":"ring",{{{ids}}},"data":{"event":"press","{{{reserved}}}":"x"}}""");
        }

        yield return Case("ttl_seconds format error", $$"""{"kind":"ring",{{ids}},"ttl_seconds":"30"}""");
        yield return Case("ttl_seconds format error", $$"""{"kind":"ring",{{ids}},"ttl_seconds":1.5}""");
        yield return Case("ttl_seconds error", $$"""{"kind":"ring",{{ids}},"ttl_seconds":-1}""");
        yield return Case("ttl_seconds error", $$"""{"kind":"ring",{{ids}},"ttl_seconds":2419201}""");
        yield return Case("collapse_id format error", $$"""{"kind":"ring",{{ids}},"collapse_id":7}""");
        yield return Case("collapse_id length error", $$"""{"kind":"ring",{{ids}},"collapse_id":""}""");
        yield return Case("collapse_id length error", $$"""{"kind":"ring",{{ids}},"collapse_id":"{{new string('c', 65)}}"}""");
        yield return Case("bundleid format error", $$"""{"kind":"ring",{{ids}},"bundleid":1}""");
        yield return Case("bundleid length error", $$"""{"kind":"ring",{{ids}},"bundleid":"{{new string('a', 129)}}"}""");
        yield return Case("bundleid error", $$"""{"kind":"ring",{{ids}},"bundleid":"com/lancens"}""");
        yield return Case("dry_run format error", $$"""{"kind":"ring",{{ids}},"dry_run":"true"}""");
        yield return Case("dry_run format error", $$"""{"kind":"ring",{{ids}},"dry_run":1}""");
        yield return Case("data length error", $$"""{"kind":"ring",{{ids}},"title":"{{new string('t', 128)}}","body":"{{new string('b', 1024)}}","data":{{Data(32, 80)}}}""");
        yield return Case("data length error", $$$"""{"kind":"ring",{{{ids}}},"body":"{{{string.Concat(Enumerable.Repeat("门铃", 300))}}}","data":{"v":"{{{new string('x', 1700)}}}"}}""");
    }

    private static TestCaseData Case(string error, string json) =>
        new TestCaseData(json, error).SetArgDisplayNames(error, json.Length > 60 ? json[..60] : json);

    /// <summary>An object of <paramref name="keys"/> entries, each value <paramref name="valueLength"/> characters.</summary>
    private static string Data(int keys, int valueLength = 1) =>
        "{" + string.Join(',', Enumerable.Range(1, keys).Select(i => $"\"k{i:00}\":\"{new string('v', valueLength)}\"")) + "}";

    [TestCaseSource(nameof(Failures))]
    public void Send_reports_the_first_failing_check(string json, string error)
    {
        var result = Validator.Validate(SendPushCommand.FromBody(Bodies.Parse(json)));

        Assert.That(result.Errors.Select(e => e.ErrorMessage), Is.EqualTo(new[] { error }));
    }

    private static IEnumerable<TestCaseData> Valid()
    {
        yield return new TestCaseData("""{"kind":"ring","user_ids":[1]}""").SetArgDisplayNames("kind and user_ids");
        yield return new TestCaseData("""{"kind":"message","user_ids":[1,1,2],"title":null,"body":"","data":null,"ttl_seconds":null,"collapse_id":null,"bundleid":"","dry_run":null}""")
            .SetArgDisplayNames("optional fields absent");
        yield return new TestCaseData($$"""
            {"kind":"message","user_ids":[{{string.Join(',', Enumerable.Range(1, 1000))}}],"title":"{{new string('t', 128)}}",
             "body":"{{new string('b', 1024)}}","data":{{Data(32)}},"ttl_seconds":2419200,"collapse_id":"{{new string('c', 64)}}",
             "bundleid":"com.lancens.app","dry_run":false}
            """).SetArgDisplayNames("every field at its limit");
        yield return new TestCaseData("""{"kind":"ring","user_ids":[1],"data":{},"ttl_seconds":0,"collapse_id":"c","dry_run":true}""")
            .SetArgDisplayNames("empty data, ttl 0");
        yield return new TestCaseData($$$"""{"kind":"ring","user_ids":[1],"body":"{{{new string('b', 1000)}}}","data":{"k":"{{{new string('v', 2499)}}}"}}""")
            .SetArgDisplayNames("payload of exactly 3500 bytes");
    }

    [TestCaseSource(nameof(Valid))]
    public void Send_accepts_a_well_formed_body(string json)
    {
        var result = Validator.Validate(SendPushCommand.FromBody(Bodies.Parse(json)));

        Assert.That(result.Errors.Select(e => e.ErrorMessage), Is.Empty);
    }

    [Test]
    public void Send_to_an_app_outside_the_configured_list_is_bundleid_error()
    {
        var options = new PushTokenOptions();
        options.AllowedBundleIds.Add("com.lancens.app");
        var validator = new SendPushCommandValidator(Options.Create(options));

        Assert.Multiple(() =>
        {
            Assert.That(
                validator.Validate(SendPushCommand.FromBody(Bodies.Parse("""{"kind":"ring","user_ids":[1],"bundleid":"com.other.app"}"""))).Errors[0].ErrorMessage,
                Is.EqualTo("bundleid error"));
            Assert.That(
                validator.Validate(SendPushCommand.FromBody(Bodies.Parse("""{"kind":"ring","user_ids":[1],"bundleid":"com.lancens.app"}"""))).IsValid,
                Is.True);
        });
    }
}
