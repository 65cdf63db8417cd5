using Microsoft.Data.SqlClient;
using PushTokenService.Infrastructure.IntegrationTests.Support;
using PushTokenService.Infrastructure.Persistence;
using Testcontainers.MsSql;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.Repositories;

/// <summary>
/// The repository contract on SQL Server 2022 in a container, started once for the fixture when a Docker engine answers;
/// every test gets a database of its own, created by the migrator. Without Docker every test is Ignored, never passed.
/// </summary>
[TestFixture]
[Category("SqlServer")]
public sealed class SqlServerRepositoryContractTests : RepositoryContractTests
{
    private const string Image = "mcr.microsoft.com/mssql/server:2022-latest";

    private MsSqlContainer? _container;

    [OneTimeSetUp]
    public async Task StartSqlServer()
    {
        if (await DockerEngine.IsAvailableAsync())
        {
            _container = new MsSqlBuilder(Image).Build();
            await _container.StartAsync();
        }
    }

    [OneTimeTearDown]
    public async Task StopSqlServer()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    protected override Task<DatabaseOptions> CreateDatabaseAsync()
    {
        if (_container is null)
        {
            Assert.Ignore(DockerEngine.UnavailableReason);
        }

        var connectionString = new SqlConnectionStringBuilder(_container.GetConnectionString())
        {
            InitialCatalog = $"pushtokens_{Guid.NewGuid():N}",
        };
        return Task.FromResult(new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = connectionString.ConnectionString });
    }

    // The container, and every database in it, goes at the end of the fixture.
    protected override void DeleteDatabase()
    {
    }
}
