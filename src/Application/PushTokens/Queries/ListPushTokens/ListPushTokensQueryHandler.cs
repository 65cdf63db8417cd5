using Mediator;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.PushTokens.Common;

namespace PushTokenService.Application.PushTokens.Queries.ListPushTokens;

public sealed class ListPushTokensQueryHandler(IPushTokenRepository repository)
    : IQueryHandler<ListPushTokensQuery, IReadOnlyList<PushTokenResponse>>
{
    public async ValueTask<IReadOnlyList<PushTokenResponse>> Handle(ListPushTokensQuery query, CancellationToken cancellationToken)
    {
        var records = await repository.ListAsync(query.Caller.UserId, query.Kind, cancellationToken);
        return records.ToResponses();
    }
}
