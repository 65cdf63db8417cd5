using Mediator;
using PushTokenService.Application.Admin.Common;
using PushTokenService.Application.Common.Interfaces;

namespace PushTokenService.Application.Admin.Queries.LookupPushTokens;

public sealed class LookupPushTokensQueryHandler(IAdminTokenRepository repository)
    : IQueryHandler<LookupPushTokensQuery, LookupPushTokensResponse>
{
    public async ValueTask<LookupPushTokensResponse> Handle(LookupPushTokensQuery query, CancellationToken cancellationToken)
    {
        var userIds = query.UserIds.Integers!.Distinct().ToList();
        var records = await repository.ListByUsersAsync(TokenKindNames.Parse(query.Kind.Text!), userIds, cancellationToken);
        return new LookupPushTokensResponse(records.Select(record => record.ToUserResponse()).ToList());
    }
}
