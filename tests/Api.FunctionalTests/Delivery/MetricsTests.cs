using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>
/// GET /metrics (API.md section 10.4): Prometheus text with the pushes per channel and outcome and the HTTP server
/// metrics. A host of its own, so that the counts are this fixture's sends alone.
/// </summary>
public sealed class MetricsTests : FunctionalTestBase
{
    protected override PushTokenApiFactory CreateOwnHost() => new(AdminApi.Settings());

    [Test]
    public async Task Metrics_count_pushes_per_channel_and_outcome_beside_the_http_server_metrics()
    {
        var (userId, session) = await Client.NewSessionAsync();
        await Client.AddRecordAsync(ApiClient.RingPath, session, ApiClient.NewPushToken(), """ "os_token":"mi-4","push_platform":"XIAOMI" """);
        await Client.AddRecordAsync(ApiClient.RingPath, session, ApiClient.NewPushToken(), """ "os_token":"mi-5","push_platform":"XIAOMI" """);
        await Client.AddRecordAsync(ApiClient.RingPath, session, ApiClient.NewPushToken(), """ "os_token":"meizu-5","push_platform":"MEIZU" """);
        var send = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");
        Assert.That(send.Status, Is.EqualTo(HttpStatusCode.OK), send.Text);

        using var response = await Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(text, Does.Match("""(?m)^push_deliveries_total\{[^}]*channel="xiaomi",[^}]*outcome="unsupported"[^}]*\} 2( |$)"""));
            Assert.That(text, Does.Match("""(?m)^push_deliveries_total\{[^}]*channel="meizu",[^}]*outcome="unsupported"[^}]*\} 1( |$)"""));
            Assert.That(text, Does.Match("""(?m)^http_server_request_duration_seconds_count\{[^}]*http_route="v1/api/admin/push"[^}]*\} 1( |$)"""));
        });
    }
}
