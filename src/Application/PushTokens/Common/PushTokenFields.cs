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

    /// <summary>The values of a new record: what was sent, defaults for the rest. Call after validation.</summary>
    public PushTokenValues ToNewValues(string defaultBundleId) => new(
        PushToken.Text!,
        Language.Text!,
        Dev.IsInteger ? (int)Dev.Integer : PushTokenRules.DevProduction,
        BundleId.OptionalText ?? defaultBundleId,
        Os.OptionalText ?? string.Empty,
        OsToken.OptionalText ?? string.Empty,
        PushPlatform.OptionalText is { } platform ? PushTokenRules.NormalizePushPlatform(platform) : string.Empty);

    /// <summary>The values of an updated record: what was sent, the record's own values for the rest. Call after validation.</summary>
    public PushTokenValues ApplyTo(PushTokenRecord existing)
    {
        var sentPlatform = PushPlatform.OptionalText;
        return new PushTokenValues(
            PushToken.Text!,
            Language.Text!,
            Dev.IsInteger ? (int)Dev.Integer : existing.Dev,
            BundleId.OptionalText ?? existing.BundleId,
            Os.OptionalText ?? existing.Os,
            sentPlatform is null ? existing.OsToken : OsToken.Text!,
            sentPlatform is null ? existing.PushPlatform : PushTokenRules.NormalizePushPlatform(sentPlatform));
    }
}

/// <summary>A command that carries the record fields of a body.</summary>
public interface IHasPushTokenFields
{
    PushTokenFields Fields { get; }
}
