using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Domain.Delivery;

/// <summary>Where one record's push goes: its channel and the token that channel addresses.</summary>
public readonly record struct ChannelAddress(PushChannel Channel, string Token);

/// <summary>
/// Which channel a record uses (API.md section 10.1): a record without a push platform is an iPhone's APNs token
/// (<c>push_token</c>); a vendor platform addresses the phone by its <c>os_token</c>.
/// </summary>
public static class ChannelRule
{
    public static ChannelAddress For(PushTokenRecord record) => record.PushPlatform switch
    {
        "" => new(PushChannel.Apns, record.PushToken),
        "FCM" => new(PushChannel.Fcm, record.OsToken),
        "HUAWEI" => new(PushChannel.Hms, record.OsToken),
        "XIAOMI" => new(PushChannel.Xiaomi, record.OsToken),
        "OPPO" => new(PushChannel.Oppo, record.OsToken),
        "VIVO" => new(PushChannel.Vivo, record.OsToken),
        "HONOR" => new(PushChannel.Honor, record.OsToken),
        "MEIZU" => new(PushChannel.Meizu, record.OsToken),
        _ => throw new ArgumentOutOfRangeException(nameof(record), record.PushPlatform, "Not a push platform."),
    };
}
