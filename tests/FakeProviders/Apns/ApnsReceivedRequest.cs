using System.Text.Json;

namespace PushTokenService.FakeProviders.Apns;

/// <summary>A request the fake APNs server received: the device token of its path, its headers (lower-case names) and body.</summary>
public sealed record ApnsReceivedRequest(
    string PushToken,
    string Protocol,
    IReadOnlyDictionary<string, string> Headers,
    JsonElement Body,
    DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
