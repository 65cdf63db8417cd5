using PushTokenService.Domain.PushTokens;
using Riok.Mapperly.Abstractions;

namespace PushTokenService.Application.Admin.Common;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
public static partial class UserPushTokenMapper
{
    [MapperIgnoreSource(nameof(PushTokenRecord.Kind))]
    public static partial UserPushTokenResponse ToUserResponse(this PushTokenRecord record);

    private static DateTime ToUtc(DateTimeOffset value) => value.UtcDateTime;
}
