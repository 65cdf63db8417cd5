using System.Security.Claims;
using PushTokenService.Domain.Users;

namespace PushTokenService.Api.Authentication;

/// <summary>The identity a session token opens: the session itself, so that no claim has to be written and parsed back.</summary>
public sealed class SessionIdentity(Session session, string authenticationType) : ClaimsIdentity(authenticationType)
{
    public Session Session { get; } = session;
}

public static class CallerSessionExtensions
{
    /// <summary>The session of a request that passed the <see cref="ApiAuthentication.Session"/> policy.</summary>
    public static Session GetCallerSession(this HttpContext context) =>
        (context.User.Identity as SessionIdentity)?.Session
        ?? throw new InvalidOperationException($"The endpoint is not [Authorize({nameof(ApiAuthentication)}.{nameof(ApiAuthentication.Session)})].");
}
