using System.Globalization;
using System.Net;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;

namespace PushTokenService.Infrastructure.Push.Apns;

/// <summary>
/// The request of one send to one device (API.md section 10.3): <c>POST {endpoint}/3/device/{push_token}</c> over HTTP/2
/// (with prior knowledge on <c>http://</c>), the <c>apns-*</c> headers and the body, which every target of a send shares.
/// </summary>
public sealed class ApnsRequestTemplate
{
    private readonly byte[] _body;
    private readonly string _pushType;
    private readonly string _topicSuffix;
    private readonly string _expiration;
    private readonly string? _collapseId;

    public ApnsRequestTemplate(PushMessage message)
    {
        var ring = message.Kind == TokenKind.Ring;
        _body = ApnsPayload.Write(message);
        _pushType = ring ? "voip" : "alert";
        _topicSuffix = ring ? ".voip" : "";
        _expiration = message.TtlSeconds == 0
            ? "0"
            : (message.SentAt.ToUnixTimeSeconds() + message.TtlSeconds).ToString(CultureInfo.InvariantCulture);
        _collapseId = message.CollapseId;
    }

    /// <summary>The device's URL under <paramref name="endpoint"/>; the token is escaped, never assumed to be hex.</summary>
    public static Uri DeviceUri(Uri endpoint, string pushToken) =>
        new($"{endpoint.AbsoluteUri.TrimEnd('/')}/3/device/{Uri.EscapeDataString(pushToken)}");

    public HttpRequestMessage Create(Uri device, string bundleId, string apnsId, string providerToken)
    {
        var content = new ByteArrayContent(_body);
        content.Headers.TryAddWithoutValidation("content-type", "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, device)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("authorization", "bearer " + providerToken);
        headers.TryAddWithoutValidation("apns-push-type", _pushType);
        headers.TryAddWithoutValidation("apns-topic", bundleId + _topicSuffix);
        headers.TryAddWithoutValidation("apns-priority", "10");
        headers.TryAddWithoutValidation("apns-expiration", _expiration);
        headers.TryAddWithoutValidation("apns-id", apnsId);
        if (_collapseId is not null)
        {
            headers.TryAddWithoutValidation("apns-collapse-id", _collapseId);
        }

        return request;
    }
}
