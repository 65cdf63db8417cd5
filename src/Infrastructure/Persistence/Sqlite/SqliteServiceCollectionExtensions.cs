using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PushTokenService.Infrastructure.Persistence.Errors;
using PushTokenService.Infrastructure.Persistence.Execution;
using PushTokenService.Infrastructure.Persistence.Repositories;
using PushTokenService.Infrastructure.Persistence.Sqlite.Writing;

namespace PushTokenService.Infrastructure.Persistence.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>SQLite's connections, statements and error codes, and the one loop every write of this process goes through.</summary>
    public static IServiceCollection AddSqlitePersistence(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<IDbConnectionFactory>(new SqliteConnectionFactory(connectionString));
        services.AddSingleton<IDatabaseErrorClassifier, SqliteErrorClassifier>();
        services.AddSingleton<ISqlDialect, SqliteDialect>();
        services.AddSingleton<ISingleWriter>(provider => new SingleWriterLoop(
            provider.GetRequiredService<IDbConnectionFactory>(),
            DatabaseExecutor.WriteQueueTimeout,
            provider.GetRequiredService<ILogger<SingleWriterLoop>>()));
        return services;
    }
}
