using Microsoft.Extensions.Configuration;

namespace PushTokenService.Infrastructure.Push.Hms;

/// <summary>Huawei Push Kit's configuration (API.md section 10.5): the endpoints and each app's id and secret.</summary>
public sealed class HmsOptions
{
    public const string EndpointKey = "Push:Hms:Endpoint";
    public const string TokenEndpointKey = "Push:Hms:TokenEndpoint";

    public string Endpoint { get; set; } = "https://push-api.cloud.huawei.com";

    public string TokenEndpoint { get; set; } = "https://oauth-login.cloud.huawei.com/oauth2/v3/token";

    /// <summary>The credentials of each bundle id that has them; bundle ids compare case-sensitively, as records' do.</summary>
    public Dictionary<string, HmsCredentials> Apps { get; } = new(StringComparer.Ordinal);

    public static string AppIdKey(string bundleId) => $"Push:Apps:{bundleId}:Hms:AppId";

    public static string ClientSecretKey(string bundleId) => $"Push:Apps:{bundleId}:Hms:ClientSecret";

    /// <summary>Reads the endpoints and every <c>Push:Apps:{bundleid}:Hms:{AppId,ClientSecret}</c>.</summary>
    public void Read(IConfiguration configuration)
    {
        if (configuration[EndpointKey] is { Length: > 0 } endpoint)
        {
            Endpoint = endpoint;
        }

        if (configuration[TokenEndpointKey] is { Length: > 0 } tokenEndpoint)
        {
            TokenEndpoint = tokenEndpoint;
        }

        foreach (var app in configuration.GetSection("Push:Apps").GetChildren())
        {
            if (app.GetSection("Hms").Exists())
            {
                Apps[app.Key] = new HmsCredentials(app["Hms:AppId"] ?? "", app["Hms:ClientSecret"] ?? "");
            }
        }
    }
}

/// <summary>A Huawei app's id (also the OAuth <c>client_id</c>) and secret.</summary>
public sealed record HmsCredentials(string AppId, string ClientSecret)
{
    // The secret stays out of logs and exception messages, which a record's generated ToString would print.
    public override string ToString() => $"HmsCredentials {{ AppId = {AppId} }}";
}
