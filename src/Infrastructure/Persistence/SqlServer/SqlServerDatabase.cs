using DbUp;
using DbUp.Engine.Output;
using Microsoft.Data.SqlClient;

namespace PushTokenService.Infrastructure.Persistence.SqlServer;

/// <summary>What migrating SQL Server needs besides the scripts: the database itself, and one migrator at a time.</summary>
public static class SqlServerDatabase
{
    private const string AcquireMigrationLock = """
        DECLARE @result INT;
        EXEC @result = sp_getapplock @Resource = N'PushTokenService.migrations', @LockMode = N'Exclusive',
            @LockOwner = N'Session', @LockTimeout = @TimeoutMs;
        SELECT @result;
        """;

    private const int DatabaseAlreadyExists = 1801;

    /// <summary>Creates the database of the connection string when it cannot be opened (DbUp connects to master for that).</summary>
    public static void CreateIfMissing(string connectionString)
    {
        try
        {
            // Unpooled: a failed pooled open would block the pool for seconds after the database exists.
            using var connection = new SqlConnection(Unpooled(connectionString));
            connection.Open();
            return;
        }
        catch (SqlException)
        {
            // Missing or unreachable: creating it either works or reports the real reason.
        }

        try
        {
            EnsureDatabase.For.SqlDatabase(connectionString, new NoOpUpgradeLog());
        }
        catch (SqlException exception) when (exception.Number == DatabaseAlreadyExists)
        {
            // Another instance created it in the meantime.
        }
    }

    /// <summary>
    /// Holds an exclusive application lock in the database until disposed, so that API instances starting together
    /// run the scripts one after the other (the second finds nothing left to do).
    /// </summary>
    public static IDisposable LockMigrations(string connectionString, TimeSpan timeout)
    {
        // Unpooled: closing the connection ends the session, which releases a session lock even if something went wrong.
        var connection = new SqlConnection(Unpooled(connectionString));
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = AcquireMigrationLock;
            command.CommandTimeout = (int)timeout.TotalSeconds + 30;
            command.Parameters.AddWithValue("@TimeoutMs", (int)timeout.TotalMilliseconds);
            var result = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (result < 0)
            {
                throw new InvalidOperationException($"The migration lock was not granted (sp_getapplock {result}).");
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string Unpooled(string connectionString) =>
        new SqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
}
