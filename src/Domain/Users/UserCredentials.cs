namespace PushTokenService.Domain.Users;

/// <summary>What login needs of a stored user.</summary>
public sealed record UserCredentials(long Id, string Username, string PasswordHash);
