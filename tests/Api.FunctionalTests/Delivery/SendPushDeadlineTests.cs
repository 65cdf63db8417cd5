using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Api.FunctionalTests.Support;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.Delivery;

namespace PushTokenService.Api.FunctionalTests.Delivery;

/// <summary>
/// A send answers by <c>Push:DeadlineSeconds</c> whatever its channels do (API.md section 10.2): a provider that never
/// answers gives <c>failed</c> / <c>deadline</c>, a channel that fails gives <c>failed</c> / <c>unreachable</c>.
/// </summary>
public sealed class SendPushDeadlineTests : FunctionalTestBase
{
    protected override PushTokenApiFactory CreateOwnHost() => new(AdminApi.Settings(("Push:DeadlineSeconds", "0.25")), services: services =>
    {
        services.AddSingleton<IPushChannel>(StubChannel.Silent(PushChannel.Apns));
        services.AddSingleton<IPushChannel>(StubChannel.Throwing(PushChannel.Fcm));
    });

    [Test]
    public async Task Send_answers_at_the_deadline_with_the_silent_and_failing_channels_targets_failed()
    {
        var (userId, session) = await Client.NewSessionAsync();
        var pushToken = ApiClient.NewPushToken();
        var osToken = $"fcm{ApiClient.NewPushToken()}";
        var iphone = await Client.AddRecordAsync(ApiClient.RingPath, session, pushToken);
        var pixel = await Client.AddRecordAsync(ApiClient.RingPath, session, ApiClient.NewPushToken(), $""" "os_token":"{osToken}","push_platform":"FCM" """);
        var redmi = await Client.AddRecordAsync(ApiClient.RingPath, session, ApiClient.NewPushToken(), """ "os_token":"mi-6","push_platform":"XIAOMI" """);

        var (status, body) = await Client.PushAsync($$"""{"kind":"ring","user_ids":[{{userId}}]}""");
        var pushId = body!["push_id"]!.GetValue<string>();

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(
                body.ToJsonString(),
                Is.EqualTo(
                    $$"""{"push_id":"{{pushId}}","targets":3,"sent":0,"invalidated":0,"failed":2,"not_configured":0,"unsupported":1,"results":["""
                    + $$"""{"token_id":{{iphone}},"user_id":{{userId}},"channel":"apns","outcome":"failed","reason":"deadline"},"""
                    + $$"""{"token_id":{{pixel}},"user_id":{{userId}},"channel":"fcm","outcome":"failed","reason":"unreachable"},"""
                    + $$"""{"token_id":{{redmi}},"user_id":{{userId}},"channel":"xiaomi","outcome":"unsupported"}]}"""));
            Assert.That(Factory.Logs.Lines, Has.Some.StartsWith("Warning ").And.Contains("fcm").And.Contains(pushId), "the failing channel is logged");
            Assert.That(Factory.Logs.Lines, Has.None.Contains(osToken[^8..]).And.None.Contains(pushToken[^8..]), "a token was logged");
        });
    }
}
