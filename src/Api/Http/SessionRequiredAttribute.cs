using Mediator;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;
using PushTokenService.Application.Users.Queries.AuthenticateSession;
using PushTokenService.Domain.Users;

namespace PushTokenService.Api.Http;

/// <summary>
/// Opens a user endpoint with the session token of the <c>token</c> header (or <c>Authorization: Bearer</c>),
/// before the path and the body are looked at. The session is then <see cref="CallerSession"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SessionRequiredAttribute : Attribute, IAsyncAuthorizationFilter
{
    public const string TokenHeader = "token";
    private const string BearerPrefix = "Bearer ";

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var sender = http.RequestServices.GetRequiredService<ISender>();
        var session = await sender.Send(new AuthenticateSessionQuery(ReadToken(http.Request)), http.RequestAborted);
        http.Features.Set(new CallerSession(session));
    }

    public static string? ReadToken(HttpRequest request)
    {
        string? token = request.Headers[TokenHeader];
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

/// <summary>The session that opened the current request.</summary>
public sealed record CallerSession(Session Session);

public static class CallerSessionExtensions
{
    /// <summary>The session of a request that passed <see cref="SessionRequiredAttribute"/>.</summary>
    public static Session GetCallerSession(this HttpContext context) =>
        context.Features.Get<CallerSession>()?.Session ?? throw new InvalidOperationException("The endpoint is not [SessionRequired].");
}
