using Mediator;

namespace PushTokenService.Application.Admin.Queries.GetRegistryStats;

/// <summary>GET /v1/api/admin/stats: how many users, live sessions and records, and how the records divide.</summary>
public sealed record GetRegistryStatsQuery : IQuery<RegistryStatsResponse>;
