using Mediator;

namespace PushTokenService.Application.Admin.Commands.RevokeUserSessions;

/// <summary>
/// DELETE /v1/api/admin/users/{user_id}/sessions: logs the user out everywhere. The push tokens stay, unlike at logout:
/// revocation is about logins (a leaked token, a password change), not about the phones that should still ring.
/// </summary>
public sealed record RevokeUserSessionsCommand(long UserId) : ICommand<RevokedSessionsResponse>;
