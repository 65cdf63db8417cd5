using Microsoft.Extensions.Options;

namespace PushTokenService.Infrastructure.Push.Apns;

/// <summary>The provider token of each configured app; apps that share a .p8 key (same team and key id) share its token.</summary>
public sealed class ApnsCredentials : IDisposable
{
    private readonly Dictionary<string, ApnsProviderToken> _byBundleId = new(StringComparer.Ordinal);
    private readonly List<ApnsProviderToken> _tokens = [];

    public ApnsCredentials(IOptions<ApnsOptions> options, TimeProvider clock)
    {
        var byKey = new Dictionary<(string TeamId, string KeyId), ApnsProviderToken>();
        foreach (var (bundleId, app) in options.Value.Apps)
        {
            if (!byKey.TryGetValue((app.TeamId, app.KeyId), out var token))
            {
                var key = ApnsKeyFile.TryLoad(app.PrivateKeyFile, out var problem)
                    ?? throw new InvalidOperationException($"{ApnsOptions.Key(bundleId, nameof(app.PrivateKeyFile))}: {problem}");
                token = new ApnsProviderToken(key, app.KeyId, app.TeamId, clock);
                byKey.Add((app.TeamId, app.KeyId), token);
                _tokens.Add(token);
            }

            _byBundleId.Add(bundleId, token);
        }
    }

    /// <summary>The provider token of <paramref name="bundleId"/>'s key, or null when the app has no APNs credentials.</summary>
    public ApnsProviderToken? For(string bundleId) => _byBundleId.GetValueOrDefault(bundleId);

    public void Dispose()
    {
        foreach (var token in _tokens)
        {
            token.Dispose();
        }
    }
}
