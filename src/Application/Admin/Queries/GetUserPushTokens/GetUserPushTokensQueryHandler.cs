using Mediator;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.PushTokens.Common;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.Admin.Queries.GetUserPushTokens;

public sealed class GetUserPushTokensQueryHandler(IAdminTokenRepository repository)
    : IQueryHandler<GetUserPushTokensQuery, UserPushTokensResponse>
{
    public async ValueTask<UserPushTokensResponse> Handle(GetUserPushTokensQuery query, CancellationToken cancellationToken)
    {
        var records = await repository.ListByUserAsync(query.UserId, cancellationToken);
        return new UserPushTokensResponse(Of(records, TokenKind.Ring), Of(records, TokenKind.Message));
    }

    private static List<PushTokenResponse> Of(IReadOnlyList<PushTokenRecord> records, TokenKind kind) =>
        records.Where(record => record.Kind == kind).Select(record => record.ToResponse()).ToList();
}
