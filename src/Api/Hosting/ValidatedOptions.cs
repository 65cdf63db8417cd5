using PushTokenService.Api.RateLimiting;
using PushTokenService.Application.Common.Options;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Api.Hosting;

/// <summary>
/// Binds the configuration sections of API.md section 9 and checks them when the service starts: a bad value stops it
/// with a message that names the configuration key, instead of failing the first request that reads it.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>PeriodicTimer's longest period is 2^32 - 2 milliseconds.</summary>
    private const int MaxPurgeIntervalMinutes = 71_582;

    public static IServiceCollection AddValidatedOptions(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section)
            .Validate(o => o.MaxBodyBytes is > 0 and < int.MaxValue, "Limits:MaxBodyBytes must be a positive number of bytes.")
            .ValidateOnStart();

        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.LoginPerMinute >= 1, "RateLimits:LoginPerMinute must be at least 1.")
            .Validate(o => o.RegisterPerMinute >= 1, "RateLimits:RegisterPerMinute must be at least 1.")
            .Validate(o => o.RequestsPerSessionPerMinute >= 0, "RateLimits:RequestsPerSessionPerMinute must be 0 (no limit) or more.")
            .ValidateOnStart();

        services.AddOptions<PushTokenOptions>().BindConfiguration(PushTokenOptions.Section)
            .Validate(o => IsBundleId(o.DefaultBundleId), "PushTokens:DefaultBundleId must be a bundle id: 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', '-'.")
            .Validate(o => o.AllowedBundleIds.All(IsBundleId), "PushTokens:AllowedBundleIds must hold bundle ids: 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', '-'.")
            .Validate(o => o.MaxRecordsPerKind >= 1, "PushTokens:MaxRecordsPerKind must be at least 1.")
            .Validate(o => o.StaleAfterDays >= 1, "PushTokens:StaleAfterDays must be at least 1.")
            .Validate(o => o.PurgeIntervalMinutes is >= 0 and <= MaxPurgeIntervalMinutes, $"PushTokens:PurgeIntervalMinutes must be 0 (off) to {MaxPurgeIntervalMinutes}.")
            .Validate(o => o.PurgeBatchSize >= 1, "PushTokens:PurgeBatchSize must be at least 1.")
            .Validate(o => o.ListCacheSeconds >= 0, "PushTokens:ListCacheSeconds must be 0 (off) or more.")
            .ValidateOnStart();

        services.AddOptions<SessionTokenOptions>().BindConfiguration(SessionTokenOptions.Section)
            .Validate(o => o.LifetimeDays >= 1, "Sessions:LifetimeDays must be at least 1.")
            .Validate(o => o.CacheSeconds >= 0, "Sessions:CacheSeconds must be 0 (off) or more.")
            .ValidateOnStart();

        // Header values arrive trimmed: a key with spaces around it could never match.
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section)
            .Validate(o => o.ApiKeys.All(key => key.Trim().Length == key.Length), "Admin:ApiKeys must not begin or end with white space.")
            .ValidateOnStart();

        return services;
    }

    private static bool IsBundleId(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= PushTokenRules.BundleIdMaxLength && PushTokenRules.IsValidBundleId(value);
}
