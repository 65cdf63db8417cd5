using System.Security.Claims;
using System.Text.Encodings.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Users.Queries.AuthenticateSession;

namespace PushTokenService.Api.Authentication;

/// <summary>
/// Opens a user endpoint with the session token of the <c>token</c> header (or <c>Authorization: Bearer</c>), before the
/// path and the body are looked at: 401 <c>no token</c> or <c>invalid token</c> otherwise. The session comes from the
/// session cache behind <see cref="AuthenticateSessionQuery"/> and rides on the principal as a <see cref="SessionIdentity"/>.
/// </summary>
public sealed class SessionTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ISender sender)
    : ContractAuthenticationHandler(options, logger, encoder)
{
    protected override string MissingCredentialError => ErrorStrings.NoToken;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        try
        {
            var session = await sender.Send(new AuthenticateSessionQuery(SessionTokenHeader.Read(Request)), Context.RequestAborted);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new SessionIdentity(session, Scheme.Name)), Scheme.Name));
        }
        catch (UnauthenticatedException exception)
        {
            return AuthenticateResult.Fail(exception.Error);
        }
    }
}
