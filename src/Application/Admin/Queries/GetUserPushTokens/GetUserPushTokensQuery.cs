using Mediator;

namespace PushTokenService.Application.Admin.Queries.GetUserPushTokens;

/// <summary>GET /v1/api/admin/users/{user_id}/tokens: every record of one user, both kinds.</summary>
public sealed record GetUserPushTokensQuery(long UserId) : IQuery<UserPushTokensResponse>;
