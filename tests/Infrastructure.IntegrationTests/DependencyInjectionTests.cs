using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Infrastructure.Persistence.Errors;
using PushTokenService.Infrastructure.Persistence.Execution;
using PushTokenService.Infrastructure.Persistence.Repositories;
using PushTokenService.Infrastructure.Persistence.SqlServer;
using PushTokenService.Infrastructure.Persistence.Sqlite;

namespace PushTokenService.Infrastructure.IntegrationTests;

/// <summary>Database:Provider (API.md section 9) selects the provider's connection factory, dialect and error classifier.</summary>
public sealed class DependencyInjectionTests
{
    private const string SqlServerConnectionString = "Server=db.example,1433;Database=pushtokens;User Id=app;Password=secret;Encrypt=True";

    [Test]
    public void SqlServer_provider_selects_the_sql_server_factory_dialect_and_classifier()
    {
        using var services = Build("SqlServer", SqlServerConnectionString);

        var connections = services.GetRequiredService<IDbConnectionFactory>();
        Assert.That(connections, Is.InstanceOf<SqlServerConnectionFactory>());
        Assert.That(((SqlServerConnectionFactory)connections).ConnectionString, Is.EqualTo(SqlServerConnectionString));
        Assert.That(connections.SingleWriter, Is.False);
        Assert.That(services.GetRequiredService<ISqlDialect>(), Is.InstanceOf<SqlServerDialect>());
        Assert.That(services.GetRequiredService<IDatabaseErrorClassifier>(), Is.InstanceOf<SqlServerErrorClassifier>());
        Assert.That(services.GetRequiredService<IPushTokenRepository>(), Is.Not.Null);
    }

    [Test]
    public void Sqlite_provider_selects_the_sqlite_factory_dialect_and_classifier()
    {
        using var services = Build("Sqlite", "Data Source=pushtokens.db");

        var connections = services.GetRequiredService<IDbConnectionFactory>();
        Assert.That(connections, Is.InstanceOf<SqliteConnectionFactory>());
        Assert.That(connections.SingleWriter, Is.True);
        Assert.That(services.GetRequiredService<ISqlDialect>(), Is.InstanceOf<SqliteDialect>());
        Assert.That(services.GetRequiredService<IDatabaseErrorClassifier>(), Is.InstanceOf<SqliteErrorClassifier>());
    }

    private static ServiceProvider Build(string provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["Database:ConnectionString"] = connectionString,
            })
            .Build();
        return new ServiceCollection().AddLogging().AddInfrastructure(configuration).BuildServiceProvider();
    }
}
