using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Infrastructure.Persistence;
using PushTokenService.Infrastructure.Persistence.Caching;
using PushTokenService.Infrastructure.Persistence.Execution;
using PushTokenService.Infrastructure.Persistence.Repositories;
using PushTokenService.Infrastructure.Persistence.Sqlite;
using PushTokenService.Infrastructure.Persistence.SqlServer;
using PushTokenService.Infrastructure.Push;
using PushTokenService.Infrastructure.Security;

namespace PushTokenService.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The repositories of the configured provider, the migrator, password hashing and session tokens.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton<DatabaseMigrator>();
        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);

        _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddSqlitePersistence(options.ConnectionString),
            DatabaseProvider.SqlServer => services.AddSqlServerPersistence(options.ConnectionString),
            _ => throw new InvalidOperationException($"Database:Provider {options.Provider} is not supported"),
        };

        services.AddSingleton<DatabaseExecutor>();
        services.AddSingleton<PushTokenListCache>();
        services.AddSingleton<IUserRepository, UserRepository>();
        services.AddSingleton<SessionRepository>();
        services.AddSingleton<CachingSessionRepository>();
        services.AddSingleton<ISessionRepository>(provider => provider.GetRequiredService<CachingSessionRepository>());
        services.AddSingleton<PushTokenRepository>();
        services.AddSingleton<IPushTokenRepository, CachingPushTokenRepository>();
        services.AddSingleton<AdminTokenRepository>();
        services.AddSingleton<IAdminTokenRepository, CachingAdminTokenRepository>();
        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton<ISessionTokens, SessionTokens>();
        services.AddPushDelivery(configuration);
        return services;
    }
}
