using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Infrastructure.Persistence;
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

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddSingleton<IDbConnectionFactory>(new SqliteConnectionFactory(options.ConnectionString));
                services.AddSingleton<IDatabaseErrorClassifier, SqliteErrorClassifier>();
                services.AddSingleton<ISqlDialect, SqliteDialect>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddSingleton<IDbConnectionFactory>(new SqlServerConnectionFactory(options.ConnectionString));
                services.AddSingleton<IDatabaseErrorClassifier, SqlServerErrorClassifier>();
                services.AddSingleton<ISqlDialect, SqlServerDialect>();
                break;
            default:
                throw new InvalidOperationException($"Database:Provider {options.Provider} is not supported");
        }

        services.AddSingleton<DatabaseExecutor>();
        services.AddSingleton<PushTokenListCache>();
        services.AddSingleton<IUserRepository, UserRepository>();
        services.AddSingleton<SessionRepository>();
        services.AddSingleton<CachingSessionRepository>();
        services.AddSingleton<ISessionRepository>(provider => provider.GetRequiredService<CachingSessionRepository>());
        services.AddSingleton<IPushTokenRepository, PushTokenRepository>();
        services.AddSingleton<IAdminTokenRepository, AdminTokenRepository>();
        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton<ISessionTokens, SessionTokens>();
        services.AddPushDelivery(configuration);
        return services;
    }
}
