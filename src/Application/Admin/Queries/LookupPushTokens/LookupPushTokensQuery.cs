using Mediator;
using PushTokenService.Application.Common.Json;

namespace PushTokenService.Application.Admin.Queries.LookupPushTokens;

/// <summary>POST /v1/api/admin/tokens/lookup: the records of one kind of up to 1000 users at once (a family sharing a doorbell).</summary>
public sealed record LookupPushTokensQuery(JsonField Kind, JsonField UserIds) : IQuery<LookupPushTokensResponse>
{
    public const int MaxUserIds = 1000;

    public static LookupPushTokensQuery FromBody(JsonBody body) => new(body["kind"], body["user_ids"]);
}
