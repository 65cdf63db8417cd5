using Mediator;
using PushTokenService.Domain.Users;

namespace PushTokenService.Application.Users.Commands.Logout;

/// <summary>POST /v1/api/user/logout: ends the session and drops the push tokens written through it.</summary>
public sealed record LogoutCommand(Session Caller) : ICommand;
