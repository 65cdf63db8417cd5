using System.Text.Json.Serialization;

namespace PushTokenService.Application.Admin.Commands.RevokeUserSessions;

/// <summary>How many sessions were ended: 0 for a user without sessions or an unknown user.</summary>
public sealed record RevokedSessionsResponse([property: JsonPropertyName("revoked")] int Revoked);
