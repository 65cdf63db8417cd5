using Microsoft.Extensions.Options;

namespace PushTokenService.Infrastructure.Push.Fcm;

/// <summary>Stops the service at start when the endpoint is not a URL or a configured service-account file cannot be used.</summary>
public sealed class FcmOptionsValidator : IValidateOptions<FcmOptions>
{
    public ValidateOptionsResult Validate(string? name, FcmOptions options)
    {
        var failures = new List<string>();
        if (!ProviderHttpClient.IsHttpUrl(options.Endpoint))
        {
            failures.Add($"{FcmOptions.EndpointKey} is not an http(s) URL.");
        }

        foreach (var (bundleId, path) in options.ServiceAccountFiles)
        {
            try
            {
                ServiceAccountFile.Load(path, FcmOptions.ServiceAccountFileKey(bundleId));
            }
            catch (InvalidOperationException exception)
            {
                failures.Add(exception.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
