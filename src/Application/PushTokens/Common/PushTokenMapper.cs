using PushTokenService.Domain.PushTokens;
using Riok.Mapperly.Abstractions;

namespace PushTokenService.Application.PushTokens.Common;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
public static partial class PushTokenMapper
{
    [MapperIgnoreSource(nameof(PushTokenRecord.UserId))]
    [MapperIgnoreSource(nameof(PushTokenRecord.Kind))]
    public static partial PushTokenResponse ToResponse(this PushTokenRecord record);

    public static partial IReadOnlyList<PushTokenResponse> ToResponses(this IReadOnlyList<PushTokenRecord> records);

    private static DateTime ToUtc(DateTimeOffset value) => value.UtcDateTime;
}
