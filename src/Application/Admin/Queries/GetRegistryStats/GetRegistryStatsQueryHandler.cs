using System.Globalization;
using Mediator;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Application.Admin.Queries.GetRegistryStats;

public sealed class GetRegistryStatsQueryHandler(IAdminTokenRepository repository, TimeProvider clock)
    : IQueryHandler<GetRegistryStatsQuery, RegistryStatsResponse>
{
    public async ValueTask<RegistryStatsResponse> Handle(GetRegistryStatsQuery query, CancellationToken cancellationToken)
    {
        var counts = await repository.CountAsync(clock.GetUtcNow(), cancellationToken);
        var groups = counts.Groups;
        return new RegistryStatsResponse(
            counts.Users,
            counts.LiveSessions,
            new PerKind<long>(Total(groups, TokenKind.Ring), Total(groups, TokenKind.Message)),
            PerKind(groups, g => g.PushPlatform.Length == 0 ? RegistryStatsResponse.NoPushPlatform : g.PushPlatform),
            PerKind(groups, g => g.BundleId),
            PerKind(groups, g => g.Dev.ToString(CultureInfo.InvariantCulture)));
    }

    private static long Total(IReadOnlyList<PushTokenGroupCount> groups, TokenKind kind) =>
        groups.Where(g => g.Kind == kind).Sum(g => g.Count);

    private static PerKind<IReadOnlyDictionary<string, long>> PerKind(
        IReadOnlyList<PushTokenGroupCount> groups, Func<PushTokenGroupCount, string> key) =>
        new(Breakdown(groups, TokenKind.Ring, key), Breakdown(groups, TokenKind.Message, key));

    private static SortedDictionary<string, long> Breakdown(
        IReadOnlyList<PushTokenGroupCount> groups, TokenKind kind, Func<PushTokenGroupCount, string> key)
    {
        var breakdown = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var group in groups.Where(g => g.Kind == kind))
        {
            breakdown[key(group)] = breakdown.GetValueOrDefault(key(group)) + group.Count;
        }

        return breakdown;
    }
}
