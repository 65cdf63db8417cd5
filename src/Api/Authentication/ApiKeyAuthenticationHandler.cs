using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PushTokenService.Application.Admin.Common;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Exceptions;

namespace PushTokenService.Api.Authentication;

/// <summary>
/// Opens an internal endpoint (API.md section 7) with a configured key in the <c>X-Api-Key</c> header, compared in
/// constant time by <see cref="AdminApiKeys"/>: 401 <c>no api key</c> or <c>invalid api key</c> otherwise.
/// Only that header counts: a session token never opens these endpoints.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AdminApiKeys keys)
    : ContractAuthenticationHandler(options, logger, encoder)
{
    public const string HeaderName = "X-Api-Key";

    protected override string MissingCredentialError => ErrorStrings.NoApiKey;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        try
        {
            keys.Verify(Request.Headers[HeaderName]);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(Scheme.Name)), Scheme.Name)));
        }
        catch (UnauthenticatedException exception)
        {
            return Task.FromResult(AuthenticateResult.Fail(exception.Error));
        }
    }
}
