using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PushTokenService.Api.Errors;

namespace PushTokenService.Api.Authentication;

/// <summary>
/// A scheme whose challenge is the contract's 401: the error string its authentication failed with, in the
/// contract's problem body (API.md sections 1 and 4). The handler lives for one request, so the challenge sees the
/// result that the authorization policy computed.
/// </summary>
public abstract class ContractAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The error when nothing was presented, e.g. <c>no token</c>.</summary>
    protected abstract string MissingCredentialError { get; }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await ContractProblem.WriteAsync(Context, StatusCodes.Status401Unauthorized, result.Failure?.Message ?? MissingCredentialError);
    }
}
