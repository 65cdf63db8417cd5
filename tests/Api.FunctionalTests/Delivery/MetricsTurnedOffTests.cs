using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>With <c>Metrics:Enabled</c> false (API.md section 10.4) there is no /metrics endpoint.</summary>
public sealed class MetricsTurnedOffTests : FunctionalTestBase
{
    protected override PushTokenApiFactory CreateOwnHost() => new(AdminApi.Settings(("Metrics:Enabled", "false")));

    [Test]
    public async Task Metrics_turned_off_are_not_served()
    {
        using var response = await Client.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
