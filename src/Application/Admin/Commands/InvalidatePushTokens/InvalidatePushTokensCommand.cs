using Mediator;
using PushTokenService.Application.Common.Json;

namespace PushTokenService.Application.Admin.Commands.InvalidatePushTokens;

/// <summary>
/// POST /v1/api/admin/tokens/invalidate: a sender reports a dead token (APNs 410 Unregistered, FCM UNREGISTERED).
/// Fields in validation order.
/// </summary>
public sealed record InvalidatePushTokensCommand(
    JsonField Kind,
    JsonField PushToken,
    JsonField OsToken,
    JsonField BundleId,
    JsonField Dev,
    JsonField InvalidSince) : ICommand<InvalidatedPushTokensResponse>
{
    public static InvalidatePushTokensCommand FromBody(JsonBody body) => new(
        body["kind"], body["push_token"], body["os_token"], body["bundleid"], body["dev"], body["invalid_since"]);
}
