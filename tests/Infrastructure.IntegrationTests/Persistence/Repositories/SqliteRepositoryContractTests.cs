using Microsoft.Data.Sqlite;
using PushTokenService.Infrastructure.Persistence;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.Repositories;

/// <summary>The repository contract on a real SQLite file of its own per test.</summary>
[TestFixture]
public sealed class SqliteRepositoryContractTests : RepositoryContractTests
{
    private string? _folder;

    protected override Task<DatabaseOptions> CreateDatabaseAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "pushtokens-contract", Guid.NewGuid().ToString("N"));
        return Task.FromResult(new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(_folder, "pushtokens.db")}",
        });
    }

    protected override void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
