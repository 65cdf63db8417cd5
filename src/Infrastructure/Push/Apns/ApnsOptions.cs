namespace PushTokenService.Infrastructure.Push.Apns;

/// <summary>
/// APNs configuration (API.md section 10.5): the two endpoints of <c>Push:Apns</c> and, per bundle id, the token-based
/// credentials of <c>Push:Apps:{bundleid}:Apns</c>.
/// </summary>
public sealed class ApnsOptions
{
    public const string EndpointsSection = "Push:Apns";
    public const string AppsSection = "Push:Apps";

    /// <summary>Where records of <c>dev</c> 0 (release builds) are sent.</summary>
    public Uri ProductionEndpoint { get; set; } = new("https://api.push.apple.com");

    /// <summary>Where records of <c>dev</c> 1 (development builds) are sent.</summary>
    public Uri SandboxEndpoint { get; set; } = new("https://api.sandbox.push.apple.com");

    /// <summary>The apps with APNs credentials, keyed by bundle id as the records spell it.</summary>
    public Dictionary<string, ApnsAppOptions> Apps { get; } = new(StringComparer.Ordinal);

    /// <summary>The configuration key of one app's setting, as an operator would write it.</summary>
    public static string Key(string bundleId, string setting) => $"{AppsSection}:{bundleId}:Apns:{setting}";
}

/// <summary>One app's APNs credentials: the team, and the .p8 signing key with its id.</summary>
public sealed class ApnsAppOptions
{
    /// <summary>The team id, the provider token's <c>iss</c>.</summary>
    public string TeamId { get; set; } = "";

    /// <summary>The .p8 key's id, the provider token's <c>kid</c>.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>Path of the .p8 file: a PKCS #8 PEM EC P-256 private key.</summary>
    public string PrivateKeyFile { get; set; } = "";
}
