using System.Text.Json.Serialization;

namespace PushTokenService.Application.Admin.Queries.GetRegistryStats;

/// <summary>
/// The registry in numbers. Each breakdown is per kind and maps a value to its number of records, listing only values
/// that occur: <c>push_platforms</c> by <c>push_platform</c> (<c>none</c> for records without one),
/// <c>bundleids</c> by <c>bundleid</c>, <c>dev</c> by <c>dev</c> (<c>"0"</c> production, <c>"1"</c> sandbox).
/// </summary>
public sealed record RegistryStatsResponse(
    [property: JsonPropertyName("users")] long Users,
    [property: JsonPropertyName("live_sessions")] long LiveSessions,
    [property: JsonPropertyName("records")] PerKind<long> Records,
    [property: JsonPropertyName("push_platforms")] PerKind<IReadOnlyDictionary<string, long>> PushPlatforms,
    [property: JsonPropertyName("bundleids")] PerKind<IReadOnlyDictionary<string, long>> BundleIds,
    [property: JsonPropertyName("dev")] PerKind<IReadOnlyDictionary<string, long>> Dev)
{
    /// <summary>The <c>push_platforms</c> key of records without a push platform (iOS: APNs only).</summary>
    public const string NoPushPlatform = "none";
}

/// <summary>One value for each kind of record.</summary>
public sealed record PerKind<T>(
    [property: JsonPropertyName("ring")] T Ring,
    [property: JsonPropertyName("message")] T Message);
