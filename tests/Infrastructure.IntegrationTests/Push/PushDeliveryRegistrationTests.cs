using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Application.Common.Options;
using PushTokenService.Domain.Delivery;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Infrastructure.Push;

namespace PushTokenService.Infrastructure.IntegrationTests.Push;

/// <summary>AddPushDelivery: the shared Push configuration (API.md section 10.5) and the vendors not implemented yet (section 10.1).</summary>
public sealed class PushDeliveryRegistrationTests
{
    private static readonly PushChannel[] Vendors = [PushChannel.Xiaomi, PushChannel.Oppo, PushChannel.Vivo, PushChannel.Honor, PushChannel.Meizu];

    [Test]
    public async Task Every_vendor_not_implemented_yet_is_configured_and_answers_unsupported_for_every_target()
    {
        using var services = Build();
        var record = new PushTokenRecord(
            12, 7, TokenKind.Ring, "p", "en", 0, "com.lancens.app", "", "mi-1", "XIAOMI", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var message = new PushMessage(
            "6f1c", TokenKind.Ring, null, null, new Dictionary<string, string>(), 30, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        var vendors = services.GetServices<IPushChannel>().Where(channel => Vendors.Contains(channel.Channel)).ToList();

        Assert.That(vendors.Select(channel => channel.Channel), Is.EquivalentTo(Vendors));
        foreach (var vendor in vendors)
        {
            Assert.That(vendor.IsConfigured("com.lancens.app"), Is.True);
            Assert.That(
                await vendor.SendAsync(message, [new PushTarget(record, "mi-1"), new PushTarget(record with { Id = 13 }, "mi-2")], CancellationToken.None),
                Is.EqualTo(new[] { new PushDelivery(12, PushOutcome.Unsupported), new PushDelivery(13, PushOutcome.Unsupported) }));
        }
    }

    [Test]
    public void Deadline_binds_fractions_of_a_second_and_defaults_to_10()
    {
        using var fractional = Build(("Push:DeadlineSeconds", "0.25"));
        using var unset = Build();

        Assert.Multiple(() =>
        {
            Assert.That(fractional.GetRequiredService<IOptions<PushDeliveryOptions>>().Value.Deadline, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
            Assert.That(unset.GetRequiredService<IOptions<PushDeliveryOptions>>().Value.Deadline, Is.EqualTo(TimeSpan.FromSeconds(10)));
        });
    }

    private static ServiceProvider Build(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, setting.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddPushDelivery(configuration).BuildServiceProvider();
    }
}
