using Mediator;
using Microsoft.AspNetCore.Mvc;
using PushTokenService.Api.Http;
using PushTokenService.Application.Users.Commands.Login;
using PushTokenService.Application.Users.Commands.Logout;
using PushTokenService.Application.Users.Commands.RegisterUser;

namespace PushTokenService.Api.Controllers;

/// <summary>Accounts and sessions (API.md section 2).</summary>
[ApiController]
[Route("v1/api/user")]
[Produces("application/json")]
public sealed class UsersController(ISender sender, JsonBodyReader bodies) : ControllerBase
{
    /// <summary>Creates an account.</summary>
    [HttpPost("register")]
    [ProducesResponseType<RegisteredUserResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Register(CancellationToken cancellationToken)
    {
        var body = await bodies.ReadAsync(Request, cancellationToken);
        var user = await sender.Send(new RegisterUserCommand(body["username"], body["password"]), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, user);
    }

    /// <summary>Opens a session: the token goes in the <c>token</c> header of every other call.</summary>
    [HttpPost("login")]
    [ProducesResponseType<LoginResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Login(CancellationToken cancellationToken)
    {
        var body = await bodies.ReadAsync(Request, cancellationToken);
        return Ok(await sender.Send(new LoginCommand(body["username"], body["password"]), cancellationToken));
    }

    /// <summary>Ends the session and deletes the push tokens written through it.</summary>
    [HttpPost("logout")]
    [SessionRequired]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Logout(CancellationToken cancellationToken)
    {
        await sender.Send(new LogoutCommand(HttpContext.GetCallerSession()), cancellationToken);
        return NoContent();
    }
}
