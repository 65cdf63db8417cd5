using Microsoft.Net.Http.Headers;

namespace PushTokenService.Api.Authentication;

/// <summary>Where a request carries its session token: the <c>token</c> header, or <c>Authorization: Bearer</c> when that is empty.</summary>
public static class SessionTokenHeader
{
    public const string Name = "token";
    private const string BearerPrefix = "Bearer ";

    public static string? Read(HttpRequest request)
    {
        string? token = request.Headers[Name];
        if (!string.IsNullOrEmpty(token))
        {
            return token;
        }

        string? authorization = request.Headers[HeaderNames.Authorization];
        return authorization is not null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[BearerPrefix.Length..].Trim()
            : null;
    }
}
