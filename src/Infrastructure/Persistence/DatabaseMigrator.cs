using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PushTokenService.Infrastructure.Persistence.SqlServer;

namespace PushTokenService.Infrastructure.Persistence;

/// <summary>Creates and upgrades the schema from the versioned scripts embedded under Migrations/&lt;Provider&gt;/.</summary>
public sealed partial class DatabaseMigrator(DatabaseOptions options, ILogger<DatabaseMigrator> logger)
{
    private static readonly TimeSpan MigrationLockTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs the scripts not yet applied. Idempotent, also when several instances start at once on SQL Server.</summary>
    public void Migrate()
    {
        using var migrationLock = PrepareDatabase();
        var result = BuildEngine().PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration failed at {result.ErrorScript?.Name}", result.Error);
        }

        foreach (var script in result.Scripts)
        {
            LogApplied(logger, script.Name);
        }
    }

    /// <summary>True when scripts remain to be applied (the schema is missing or out of date).</summary>
    public bool IsUpgradeRequired() => BuildEngine().IsUpgradeRequired();

    private UpgradeEngine BuildEngine()
    {
        var builder = options.Provider switch
        {
            DatabaseProvider.Sqlite => DeployChanges.To.SqliteDatabase(options.ConnectionString),
            DatabaseProvider.SqlServer => DeployChanges.To.SqlDatabase(options.ConnectionString),
            _ => throw new InvalidOperationException($"Unknown database provider {options.Provider}"),
        };
        var folder = $".Migrations.{options.Provider}.";
        return builder
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(folder, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
    }

    /// <summary>Creates what the scripts run in; on SQL Server also returns the lock that keeps other migrators waiting.</summary>
    private IDisposable? PrepareDatabase()
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                PrepareSqliteFile(options.ConnectionString);
                return null;
            case DatabaseProvider.SqlServer:
                SqlServerDatabase.CreateIfMissing(options.ConnectionString);
                return SqlServerDatabase.LockMigrations(options.ConnectionString, MigrationLockTimeout);
            default:
                throw new InvalidOperationException($"Unknown database provider {options.Provider}");
        }
    }

    /// <summary>Creates the folder of the database file and turns on WAL, which is a property of the file.</summary>
    private static void PrepareSqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode is SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Script}")]
    private static partial void LogApplied(ILogger logger, string script);
}
