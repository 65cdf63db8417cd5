using Mediator;
using PushTokenService.Application.Common.Json;

namespace PushTokenService.Application.Delivery.Commands.SendPush;

/// <summary>POST /v1/api/admin/push: one push to every record of one kind of the listed users. Fields in validation order.</summary>
public sealed record SendPushCommand(
    JsonField Kind,
    JsonField UserIds,
    JsonField Title,
    JsonField Body,
    JsonField Data,
    JsonField TtlSeconds,
    JsonField CollapseId,
    JsonField BundleId,
    JsonField DryRun) : ICommand<SendPushResponse>
{
    public static SendPushCommand FromBody(JsonBody body) => new(
        body["kind"],
        body["user_ids"],
        body["title"],
        body["body"],
        body["data"],
        body["ttl_seconds"],
        body["collapse_id"],
        body["bundleid"],
        body["dry_run"]);

    /// <summary>The request's data entries, empty when none were sent.</summary>
    public IReadOnlyDictionary<string, string> DataEntries => Data.Strings ?? EmptyData;

    private static readonly IReadOnlyDictionary<string, string> EmptyData = new Dictionary<string, string>();
}
