using Microsoft.Extensions.Configuration;

namespace PushTokenService.Infrastructure.Push.Fcm;

/// <summary>FCM's configuration (API.md section 10.5): the endpoint and each app's service-account file.</summary>
public sealed class FcmOptions
{
    public const string EndpointKey = "Push:Fcm:Endpoint";

    public string Endpoint { get; set; } = "https://fcm.googleapis.com";

    /// <summary>The service-account file of each bundle id that has one; bundle ids compare case-sensitively, as records' do.</summary>
    public Dictionary<string, string> ServiceAccountFiles { get; } = new(StringComparer.Ordinal);

    public static string ServiceAccountFileKey(string bundleId) => $"Push:Apps:{bundleId}:Fcm:ServiceAccountFile";

    /// <summary>Reads <c>Push:Fcm:Endpoint</c> and every <c>Push:Apps:{bundleid}:Fcm:ServiceAccountFile</c>.</summary>
    public void Read(IConfiguration configuration)
    {
        if (configuration[EndpointKey] is { Length: > 0 } endpoint)
        {
            Endpoint = endpoint;
        }

        foreach (var app in configuration.GetSection("Push:Apps").GetChildren())
        {
            if (app.GetSection("Fcm").Exists())
            {
                ServiceAccountFiles[app.Key] = app["Fcm:ServiceAccountFile"] ?? "";
            }
        }
    }
}
