using System.Buffers.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PushTokenService.Domain.Delivery;
using PushTokenService.FakeProviders.Apns;

namespace PushTokenService.Infrastructure.IntegrationTests.Push.Apns;

/// <summary>
/// The provider token (API.md section 10.3): ES256 with <c>kid</c>, claims <c>iss</c> and <c>iat</c>, one per key reused
/// for 20 to 50 minutes, and made again once when APNs answers <c>ExpiredProviderToken</c>.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ApnsProviderTokenTests : ApnsChannelFixture
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    protected override TimeProvider Clock => _clock;

    [Test]
    public async Task Token_is_es256_with_kid_and_only_iss_and_iat()
    {
        await Bed.SendAsync("device");

        var parts = Bed.Production.ProviderTokens.Single().Split('.');
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        Assert.Multiple(() =>
        {
            Assert.That(header.RootElement.GetProperty("alg").GetString(), Is.EqualTo("ES256"));
            Assert.That(header.RootElement.GetProperty("kid").GetString(), Is.EqualTo(Bed.Key.KeyId));
            Assert.That(claims.RootElement.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "iss", "iat" }));
            Assert.That(claims.RootElement.GetProperty("iss").GetString(), Is.EqualTo(Bed.Key.TeamId));
            Assert.That(claims.RootElement.GetProperty("iat").GetInt64(), Is.EqualTo(Start.ToUnixTimeSeconds()));
        });
    }

    [Test]
    public async Task Many_concurrent_sends_share_one_token()
    {
        var sends = Enumerable.Range(0, 20)
            .Select(i => Bed.Channel.SendAsync(
                Bed.Message(), [Bed.Target($"device-{i}-a"), Bed.Target($"device-{i}-b", dev: 1)], CancellationToken.None));

        var deliveries = (await Task.WhenAll(sends)).SelectMany(d => d).ToList();

        Assert.That(deliveries, Has.Count.EqualTo(40).And.All.Property("Outcome").EqualTo(PushOutcome.Sent));
        Assert.That(Bed.Production.ProviderTokens.Concat(Bed.Sandbox.ProviderTokens).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Token_is_reused_for_forty_minutes_then_made_again()
    {
        await Bed.SendAsync("device");
        _clock.Advance(TimeSpan.FromMinutes(39));
        await Bed.SendAsync("device");
        Assert.That(Bed.Production.ProviderTokens, Has.Count.EqualTo(1));

        _clock.Advance(TimeSpan.FromMinutes(2));
        var delivery = await Bed.SendAsync("device");

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Sent));
        Assert.That(Bed.Production.ProviderTokens, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Expired_provider_token_makes_one_new_token_and_retries_once()
    {
        Bed.Production.Script("device", ApnsFakeAnswer.ExpiredProviderToken, ApnsFakeAnswer.Sent);

        var delivery = await Bed.SendAsync("device");

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Sent));
        var requests = Bed.Production.RequestsFor("device");
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests[1].Header("authorization"), Is.Not.EqualTo(requests[0].Header("authorization")));
    }

    [Test]
    public async Task Expired_provider_token_twice_fails_after_one_retry()
    {
        Bed.Production.Script("device", ApnsFakeAnswer.ExpiredProviderToken);

        var delivery = await Bed.SendAsync("device");

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Failed));
        Assert.That(delivery.Reason, Is.EqualTo("ExpiredProviderToken"));
        Assert.That(Bed.Production.RequestsFor("device"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Expired_provider_token_for_many_devices_at_once_makes_one_new_token()
    {
        var devices = Enumerable.Range(0, 10).Select(i => $"device-{i}").ToList();
        // Every device's first request is refused only once all of them arrived, all with the first token: a device sent
        // after the renewal would otherwise be refused its new token too, which APNs never does.
        var allArrived = Task.WhenAll(devices.Select(Bed.Production.FirstRequestFor));
        foreach (var device in devices)
        {
            Bed.Production.Script(device, ApnsFakeAnswer.ExpiredProviderToken.HeldUntil(allArrived), ApnsFakeAnswer.Sent);
        }

        var deliveries = await Bed.Channel.SendAsync(Bed.Message(), devices.Select(d => Bed.Target(d)).ToList(), CancellationToken.None);

        Assert.That(deliveries, Has.All.Property("Outcome").EqualTo(PushOutcome.Sent));
        Assert.That(Bed.Production.ProviderTokens, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Token_signed_by_another_key_is_refused()
    {
        using var otherKey = ApnsTestKey.Create();
        await using var untrusted = await ApnsTestBed.StartAsync(_clock, serverKey: otherKey);

        var delivery = await untrusted.SendAsync("device");

        Assert.That(delivery.Outcome, Is.EqualTo(PushOutcome.Failed));
        Assert.That(delivery.Reason, Is.EqualTo("InvalidProviderToken"));
    }
}
