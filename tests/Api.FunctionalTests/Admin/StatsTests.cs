using System.Net;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Admin;

/// <summary>GET /v1/api/admin/stats, each test on an empty registry so that the counts are exact.</summary>
public sealed class StatsTests : FunctionalTestBase
{
    [SetUp]
    public void EmptyTheRegistry() => ResetState();

    [Test]
    public async Task Stats_of_an_empty_registry_are_zeros_and_empty_breakdowns()
    {
        var (status, body) = await Client.AdminAsync(HttpMethod.Get, AdminApi.StatsPath);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo(
                """{"users":0,"live_sessions":0,"records":{"ring":0,"message":0},"push_platforms":{"ring":{},"message":{}},"bundleids":{"ring":{},"message":{}},"dev":{"ring":{},"message":{}}}"""));
        });
    }

    [Test]
    public async Task Stats_count_users_live_sessions_and_records_per_kind_platform_bundleid_and_dev()
    {
        var username = $"stats{Guid.NewGuid():N}"[..24];
        var (_, first) = await Client.NewSessionAsync(username);
        await Client.LoginAsync(username);
        var (_, second) = await Client.NewSessionAsync();
        var (_, leaving) = await Client.NewSessionAsync();
        await Client.SendJsonAsync(HttpMethod.Post, "/v1/api/user/logout", null, leaving);
        await Client.CreateTokenAsync(ApiClient.RingPath, first, "apns-1");
        await Client.CreateTokenAsync(ApiClient.RingPath, first, "apns-2", """ "bundleid":"com.lancens.other","dev":1,"os_token":"hms-1","push_platform":"huawei" """);
        await Client.CreateTokenAsync(ApiClient.MessagePath, first, "fcm-1", """ "os_token":"fcm-1","push_platform":"FCM" """);
        await Client.CreateTokenAsync(ApiClient.RingPath, second, "apns-3", """ "os_token":"mi-1","push_platform":"Xiaomi" """);

        var (status, body) = await Client.AdminAsync(HttpMethod.Get, AdminApi.StatsPath);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.ToJsonString(), Is.EqualTo(
                """{"users":3,"live_sessions":3,"records":{"ring":3,"message":1},"push_platforms":{"ring":{"HUAWEI":1,"XIAOMI":1,"none":1},"message":{"FCM":1}},"bundleids":{"ring":{"com.lancens.app":2,"com.lancens.other":1},"message":{"com.lancens.app":1}},"dev":{"ring":{"0":2,"1":1},"message":{"0":1}}}"""));
        });
    }
}
