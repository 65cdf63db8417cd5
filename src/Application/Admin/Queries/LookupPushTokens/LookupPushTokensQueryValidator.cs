using PushTokenService.Application.Admin.Common;
using PushTokenService.Application.Common.Validation;

namespace PushTokenService.Application.Admin.Queries.LookupPushTokens;

/// <summary><c>kind</c>, then <c>user_ids</c>: 1 to 1000 positive integers, duplicates allowed.</summary>
public sealed class LookupPushTokensQueryValidator : FirstFailureValidator<LookupPushTokensQuery>
{
    public LookupPushTokensQueryValidator()
    {
        RuleFor(x => x.Kind).RequiredKind();
        RuleFor(x => x.UserIds).RequiredIntegers("user_ids", 1, LookupPushTokensQuery.MaxUserIds, id => id > 0);
    }
}
