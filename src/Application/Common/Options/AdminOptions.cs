namespace PushTokenService.Application.Common.Options;

/// <summary>The <c>Admin</c> configuration section (API.md section 9).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The keys accepted in <c>X-Api-Key</c>; empty keeps the internal API closed.</summary>
    public IList<string> ApiKeys { get; } = [];
}
