using Microsoft.Data.Sqlite;
using PushTokenService.Infrastructure.Persistence.Sqlite;

namespace PushTokenService.Infrastructure.IntegrationTests.Support;

/// <summary>A SQLite file in a folder of its own for one test, opened by the service's factory; disposing deletes both.</summary>
public sealed class TemporarySqliteDatabase : IAsyncDisposable
{
    private TemporarySqliteDatabase(string folder, string file, string connectionOptions)
    {
        Folder = folder;
        File = file;
        Connections = new SqliteConnectionFactory($"Data Source={file}{connectionOptions}");
    }

    public string Folder { get; }

    public string File { get; }

    public SqliteConnectionFactory Connections { get; }

    /// <param name="name">The file's name, and the folder's prefix.</param>
    /// <param name="connectionOptions">Appended to the connection string, from its <c>;</c> on.</param>
    public static TemporarySqliteDatabase Create(string name, string connectionOptions = "")
    {
        var folder = Directory.CreateTempSubdirectory($"pushtokens-{name}").FullName;
        return new TemporarySqliteDatabase(folder, Path.Combine(folder, $"{name}.db"), connectionOptions);
    }

    public async ValueTask DisposeAsync()
    {
        await Connections.ClearAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
