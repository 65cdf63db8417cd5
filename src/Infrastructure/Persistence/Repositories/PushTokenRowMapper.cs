using PushTokenService.Domain.PushTokens;
using Riok.Mapperly.Abstractions;

namespace PushTokenService.Infrastructure.Persistence.Repositories;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both, EnumMappingStrategy = EnumMappingStrategy.ByValue)]
public static partial class PushTokenRowMapper
{
    [MapProperty(nameof(PushTokenRow.Bundleid), nameof(PushTokenRecord.BundleId))]
    public static partial PushTokenRecord ToRecord(this PushTokenRow row);

    private static DateTimeOffset FromUnixMilliseconds(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
