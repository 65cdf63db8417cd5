namespace PushTokenService.Domain.Delivery;

/// <summary>The provider a record's pushes go through (API.md section 10.1).</summary>
public enum PushChannel
{
    Apns = 1,
    Fcm,
    Hms,
    Xiaomi,
    Oppo,
    Vivo,
    Honor,
    Meizu,
}

/// <summary>The channel's name on the wire and in metrics: <c>apns</c>, <c>fcm</c>, <c>hms</c>, ...</summary>
public static class PushChannelNames
{
    public static string Name(this PushChannel channel) => channel switch
    {
        PushChannel.Apns => "apns",
        PushChannel.Fcm => "fcm",
        PushChannel.Hms => "hms",
        PushChannel.Xiaomi => "xiaomi",
        PushChannel.Oppo => "oppo",
        PushChannel.Vivo => "vivo",
        PushChannel.Honor => "honor",
        PushChannel.Meizu => "meizu",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Not a push channel."),
    };
}
