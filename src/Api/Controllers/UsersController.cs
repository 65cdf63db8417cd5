using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PushTokenService.Api.Authentication;
using PushTokenService.Api.Json;
using PushTokenService.Api.OpenApi;
using PushTokenService.Api.RateLimiting;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Users.Commands.Login;
using PushTokenService.Application.Users.Commands.Logout;
using PushTokenService.Application.Users.Commands.RegisterUser;

namespace PushTokenService.Api.Controllers;

/// <summary>Accounts and sessions (API.md section 2).</summary>
[ApiController]
[Route("v1/api/user")]
[Produces("application/json")]
[ErrorsDoc(StatusCodes.Status429TooManyRequests, "too many requests")]
[ErrorsDoc(StatusCodes.Status500InternalServerError, "database error", "paramer error")]
[ErrorsDoc(StatusCodes.Status503ServiceUnavailable, "database error")]
public sealed class UsersController(ISender sender, JsonBodyReader bodies, LoginThrottle loginThrottle) : ControllerBase
{
    /// <summary>Creates an account.</summary>
    [HttpPost("register")]
    [EnableRateLimiting(ContractRateLimits.RegisterPolicy)]
    [RequestBodyDoc(typeof(CredentialsDoc), Examples.CredentialsBody)]
    [ProducesResponseType<RegisteredUserResponse>(StatusCodes.Status201Created)]
    [ErrorsDoc(StatusCodes.Status400BadRequest, Examples.CredentialErrors)]
    [ErrorsDoc(StatusCodes.Status409Conflict, "username exist")]
    [ErrorsDoc(StatusCodes.Status413PayloadTooLarge, "body length error")]
    [ErrorsDoc(StatusCodes.Status415UnsupportedMediaType, "content-type error")]
    public async Task<IActionResult> Register(CancellationToken cancellationToken)
    {
        var body = await bodies.ReadAsync(Request, cancellationToken);
        var user = await sender.Send(new RegisterUserCommand(body["username"], body["password"]), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, user);
    }

    /// <summary>Opens a session: the token goes in the <c>token</c> header of every other call.</summary>
    [HttpPost("login")]
    [RequestBodyDoc(typeof(CredentialsDoc), Examples.CredentialsBody)]
    [ProducesResponseType<LoginResponse>(StatusCodes.Status200OK)]
    [ErrorsDoc(StatusCodes.Status400BadRequest, Examples.CredentialErrors)]
    [ErrorsDoc(StatusCodes.Status401Unauthorized, "username or password error")]
    [ErrorsDoc(StatusCodes.Status413PayloadTooLarge, "body length error")]
    [ErrorsDoc(StatusCodes.Status415UnsupportedMediaType, "content-type error")]
    public async Task<IActionResult> Login(CancellationToken cancellationToken)
    {
        var body = await bodies.ReadAsync(Request, cancellationToken);
        var username = body["username"].OptionalText;
        var address = ContractRateLimits.ClientAddress(HttpContext);
        loginThrottle.EnsureAllowed(username, address);
        try
        {
            return Ok(await sender.Send(new LoginCommand(body["username"], body["password"]), cancellationToken));
        }
        catch (UnauthenticatedException)
        {
            loginThrottle.RecordFailure(username, address);
            throw;
        }
    }

    /// <summary>Ends the session and deletes the push tokens written through it.</summary>
    [HttpPost("logout")]
    [Authorize(ApiAuthentication.Session)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ErrorsDoc(StatusCodes.Status401Unauthorized, "no token", "invalid token")]
    public async Task<IActionResult> Logout(CancellationToken cancellationToken)
    {
        await sender.Send(new LogoutCommand(HttpContext.GetCallerSession()), cancellationToken);
        return NoContent();
    }
}
