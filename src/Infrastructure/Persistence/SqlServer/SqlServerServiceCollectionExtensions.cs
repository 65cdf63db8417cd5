using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Infrastructure.Persistence.Errors;
using PushTokenService.Infrastructure.Persistence.Execution;
using PushTokenService.Infrastructure.Persistence.Repositories;

namespace PushTokenService.Infrastructure.Persistence.SqlServer;

public static class SqlServerServiceCollectionExtensions
{
    /// <summary>SQL Server's connections, statements and error codes; the engine takes concurrent writers, so no write queue.</summary>
    public static IServiceCollection AddSqlServerPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<IDbConnectionFactory>(new SqlServerConnectionFactory(connectionString));
        services.AddSingleton<IDatabaseErrorClassifier, SqlServerErrorClassifier>();
        services.AddSingleton<ISqlDialect, SqlServerDialect>();
        return services;
    }
}
