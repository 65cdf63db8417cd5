using Microsoft.Extensions.Options;

namespace PushTokenService.Infrastructure.Push.Apns;

/// <summary>
/// A configured app needs its team id, its key id and a readable P-256 .p8 key; otherwise the service does not start,
/// and the message names the configuration key at fault, never the key's content.
/// </summary>
public sealed class ApnsOptionsValidator : IValidateOptions<ApnsOptions>
{
    public ValidateOptionsResult Validate(string? name, ApnsOptions options)
    {
        var failures = new List<string>();
        foreach (var (bundleId, app) in options.Apps)
        {
            if (string.IsNullOrWhiteSpace(app.TeamId))
            {
                failures.Add($"{ApnsOptions.Key(bundleId, nameof(app.TeamId))} is not set");
            }

            if (string.IsNullOrWhiteSpace(app.KeyId))
            {
                failures.Add($"{ApnsOptions.Key(bundleId, nameof(app.KeyId))} is not set");
            }

            var keyFile = ApnsOptions.Key(bundleId, nameof(app.PrivateKeyFile));
            if (string.IsNullOrWhiteSpace(app.PrivateKeyFile))
            {
                failures.Add($"{keyFile} is not set");
                continue;
            }

            using var key = ApnsKeyFile.TryLoad(app.PrivateKeyFile, out var problem);
            if (key is null)
            {
                failures.Add($"{keyFile}: {problem}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
