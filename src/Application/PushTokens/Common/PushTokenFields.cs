using PushTokenService.Application.Common.Json;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.PushTokens.Common;

/// <summary>The record fields of a POST or PUT body, as sent, in the validation order of API.md section 3.</summary>
public sealed record PushTokenFields(
    JsonField PushToken,
    JsonField Language,
    JsonField Dev,
    JsonField BundleId,
    JsonField Os,
    JsonField OsToken,
    JsonField PushPlatform)
{
    public static PushTokenFields FromBody(JsonBody body) => new(
        body["push_token"],
        body["language"],
        body["dev"],
        body["bundleid"],
        body["os"],
        body["os_token"],
        body["push_platform"]);

    /// <summary>The fields as the domain's rules take them: an optional field not sent (absent, null or "") is null. Call after validation.</summary>
    public SentPushTokenFields ToSent() => new(
        PushToken.Text!,
        Language.Text!,
        Dev.IsInteger ? (int)Dev.Integer : null,
        BundleId.OptionalText,
        Os.OptionalText,
        OsToken.OptionalText,
        PushPlatform.OptionalText);
}

/// <summary>A command that carries the record fields of a body.</summary>
public interface IHasPushTokenFields
{
    PushTokenFields Fields { get; }
}
