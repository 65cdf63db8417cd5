using Microsoft.Extensions.Options;

namespace PushTokenService.Infrastructure.Push.Hms;

/// <summary>Stops the service at start when an endpoint is not a URL or a configured app lacks its id or secret.</summary>
public sealed class HmsOptionsValidator : IValidateOptions<HmsOptions>
{
    public ValidateOptionsResult Validate(string? name, HmsOptions options)
    {
        var failures = new List<string>();
        CheckUrl(options.Endpoint, HmsOptions.EndpointKey, failures);
        CheckUrl(options.TokenEndpoint, HmsOptions.TokenEndpointKey, failures);
        foreach (var (bundleId, credentials) in options.Apps)
        {
            if (string.IsNullOrWhiteSpace(credentials.AppId))
            {
                failures.Add($"{HmsOptions.AppIdKey(bundleId)} is empty: name the Huawei app's id.");
            }

            if (string.IsNullOrWhiteSpace(credentials.ClientSecret))
            {
                failures.Add($"{HmsOptions.ClientSecretKey(bundleId)} is empty: give the Huawei app's secret.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(string value, string key, List<string> failures)
    {
        if (!ProviderHttpClient.IsHttpUrl(value))
        {
            failures.Add($"{key} is not an http(s) URL.");
        }
    }
}
