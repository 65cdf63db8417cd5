using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.BenchDelivery.Fakes;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Infrastructure.Push;
using PushTokenService.Infrastructure.Push.Apns;
using PushTokenService.Infrastructure.Push.Fcm;

namespace PushTokenService.BenchDelivery.Drive;

/// <summary>
/// The fan-out's baseline: the requests the service sends for one fan-out (one APNs and one FCM request per user), made
/// with the service's own request and payload writers so that paths, headers and bodies are the same bytes, all started
/// at once as the channels start them, from one bare <see cref="HttpClient"/> per provider. The APNs provider token and
/// the FCM access token are made once. Left out is everything else the service does: its HTTP API, the database read,
/// the channels' retry pipeline and metrics, and the answer.
/// </summary>
public sealed class ProviderBaseline : IDisposable
{
    private const int MaxAttempts = 10;
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _apns;
    private readonly HttpClient _fcm;
    private readonly FcmProject _fcmProject;
    private readonly ApnsProviderToken _apnsToken;
    private readonly Uri[] _devices;
    private readonly string[] _registrations;
    private AuthenticationHeaderValue _accessToken = null!;

    private ProviderBaseline(IConfiguration fakes, IReadOnlyList<FanOutUser> users)
    {
        const string bundleId = FakeProvidersProcess.BundleId;
        var apnsEndpoint = new Uri(fakes[$"{ApnsOptions.EndpointsSection}:{nameof(ApnsOptions.ProductionEndpoint)}"]!);
        _devices = users.Select(user => ApnsRequestTemplate.DeviceUri(apnsEndpoint, user.ApnsToken)).ToArray();
        _registrations = users.Select(user => user.FcmToken).ToArray();

        var keyFile = fakes[ApnsOptions.Key(bundleId, nameof(ApnsAppOptions.PrivateKeyFile))]!;
        var key = ApnsKeyFile.TryLoad(keyFile, out var problem) ?? throw new InvalidOperationException(problem);
        _apnsToken = new ApnsProviderToken(
            key, fakes[ApnsOptions.Key(bundleId, nameof(ApnsAppOptions.KeyId))]!, fakes[ApnsOptions.Key(bundleId, nameof(ApnsAppOptions.TeamId))]!, TimeProvider.System);

        var serviceAccountKey = FcmOptions.ServiceAccountFileKey(bundleId);
        _fcmProject = new FcmProject(
            ServiceAccountFile.Load(fakes[serviceAccountKey]!, serviceAccountKey),
            new Uri(fakes[FcmOptions.EndpointKey]!),
            new SocketsHttpHandler(),
            TimeProvider.System);

        // As the service's clients: HTTP/2 where the endpoint speaks it, as many connections as the load opens.
        _apns = new HttpClient(Handler()) { Timeout = Timeout.InfiniteTimeSpan };
        _fcm = new HttpClient(Handler())
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The provider requests of one fan-out.</summary>
    public int Requests => _devices.Length + _registrations.Length;

    public static async Task<ProviderBaseline> CreateAsync(IConfiguration fakes, IReadOnlyList<FanOutUser> users)
    {
        var baseline = new ProviderBaseline(fakes, users);
        baseline._accessToken = new AuthenticationHeaderValue("Bearer", await baseline._fcmProject.AccessTokenAsync(CancellationToken.None));
        return baseline;
    }

    /// <summary>One fan-out, every request at once; answers the number of requests not answered 200.</summary>
    public async Task<int> SendAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var message = new PushMessage(
            Guid.NewGuid().ToString("N"), TokenKind.Ring, null, null, new Dictionary<string, string>(), (int)Ttl.TotalSeconds, null, now, now + Ttl);
        var apns = new ApnsRequestTemplate(message);
        var fcm = FcmRequestBody.For(message);
        var jwt = _apnsToken.Current();

        var sends = new Task<bool>[Requests];
        for (var i = 0; i < _devices.Length; i++)
        {
            sends[i] = ApnsAsync(apns, _devices[i], jwt);
        }

        for (var i = 0; i < _registrations.Length; i++)
        {
            sends[_devices.Length + i] = FcmAsync(fcm.ForToken(_registrations[i]));
        }

        var answers = await Task.WhenAll(sends);
        return answers.Count(sent => !sent);
    }

    public void Dispose()
    {
        _apns.Dispose();
        _fcm.Dispose();
        _fcmProject.Dispose();
        _apnsToken.Dispose();
    }

    private static SocketsHttpHandler Handler() => new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionLifetime = ProviderHttpClient.PooledConnectionLifetime,
    };

    private Task<bool> ApnsAsync(ApnsRequestTemplate template, Uri device, string jwt) =>
        SendAsync(_apns, () => template.Create(device, FakeProvidersProcess.BundleId, Guid.NewGuid().ToString(), jwt));

    private Task<bool> FcmAsync(byte[] body) =>
        SendAsync(_fcm, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, _fcmProject.SendUri)
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
            };
            request.Headers.Authorization = _accessToken;
            return request;
        });

    /// <summary>
    /// One request; a failure to connect or a refused stream is tried again at once, as the service's retry rule tries it
    /// (the service after a backoff), so that both sides complete the same requests.
    /// </summary>
    private static async Task<bool> SendAsync(HttpClient client, Func<HttpRequestMessage> create)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            using var request = create();
            try
            {
                using var response = await client.SendAsync(request);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                // The next attempt, if any is left, goes at once.
            }
        }

        return false;
    }
}

/// <summary>A fan-out user's two tokens, as the seeder wrote them.</summary>
public sealed record FanOutUser(string ApnsToken, string FcmToken)
{
    public static IReadOnlyList<FanOutUser> Read(string seedFolder) =>
        File.ReadAllLines(Path.Combine(seedFolder, "fanout-tokens.txt"))
            .Select(line => line.Split(' '))
            .Select(tokens => new FanOutUser(tokens[0], tokens[1]))
            .ToList();
}
