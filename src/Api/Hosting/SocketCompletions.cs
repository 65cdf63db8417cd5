using PushTokenService.Infrastructure.Persistence;

namespace PushTokenService.Api.Hosting;

/// <summary>
/// Lets the runtime run socket completions on its event thread (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c>)
/// instead of posting each one to the thread pool: one thread-pool hop less per request.
/// </summary>
/// <remarks>
/// On SQLite the only sockets are Kestrel's, whose completions only move bytes into its pipes: the application still
/// runs on the thread pool. SQL Server's client has sockets of its own, and awaiting code could then resume on the
/// event thread, so the setting is left alone there. The runtime reads the variable once, when the first socket is
/// used: this runs before the host starts. A value already set in the environment wins.
/// </remarks>
public static class SocketCompletions
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Whether to set the variable: on SQLite, when the environment does not say.</summary>
    public static bool ShouldInline(DatabaseProvider provider, string? current) => current is null && provider == DatabaseProvider.Sqlite;

    public static void PreferInline(IConfiguration configuration)
    {
        // The provider as the infrastructure reads it (DatabaseOptions, case-insensitive, Sqlite when unset).
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        if (ShouldInline(provider, Environment.GetEnvironmentVariable(Variable)))
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }
    }
}
