using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PushTokenService.Soak;

/// <summary>What the database file holds, compared with what the 2xx answers said it must hold.</summary>
public sealed record AuditResult(
    int Expected, int Rows, int Lost, int Duplicated, int Shared, int LeftoverRecords, int LeftoverSessions, int Unexpected, int Ignored)
{
    public bool Clean => Lost == 0 && Duplicated == 0 && Shared == 0 && LeftoverRecords == 0 && LeftoverSessions == 0 && Unexpected == 0;
}

/// <summary>Reads the service's SQLite file directly, read-only, not through the service.</summary>
public static class Audit
{
    public static AuditResult Run(string databasePath, IReadOnlyList<Phone> phones, IReadOnlyCollection<string> loggedOutSessions)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var rows = ReadRows(connection);
        var liveSessions = ReadSessions(connection);

        var certain = phones.Where(phone => !phone.Uncertain).ToList();
        var ignoredTokens = phones.Where(phone => phone.Uncertain).SelectMany(phone => phone.EveryPushToken).ToHashSet(StringComparer.Ordinal);
        var expected = certain.SelectMany(phone => phone.Records).ToList();
        var rowsById = rows.ToDictionary(row => row.Id);

        // Lost: a record the service confirmed (and did not later confirm gone) is missing, or not as confirmed.
        var lost = expected.Count(e =>
            !rowsById.TryGetValue(e.Record.Id, out var row)
            || row.Kind != (int)e.Kind || row.UserId != e.Record.UserId || row.PushToken != e.Record.PushToken);

        // Duplicated: a second row for one (kind, bundleid, push_token), or a row of a phone's token the model does not have.
        var expectedIds = expected.Select(e => e.Record.Id).ToHashSet();
        var copies = rows.GroupBy(row => (row.Kind, row.BundleId, row.PushToken)).Sum(group => group.Count() - 1);
        var strays = rows.Where(row => !expectedIds.Contains(row.Id) && !ignoredTokens.Contains(row.PushToken)).ToList();

        // Shared: one push token (of one kind) held by two users.
        var shared = rows.GroupBy(row => (row.Kind, row.PushToken)).Count(group => group.Select(row => row.UserId).Distinct().Count() > 1);

        // Leftover: records written through a session that is gone (logged out), and logged-out sessions still stored.
        var leftoverRecords = rows.Count(row => row.SessionId is { } session && !liveSessions.Contains(session));
        var liveHashes = ReadSessionHashes(connection);
        var leftoverSessions = loggedOutSessions.Count(token => liveHashes.Contains(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))));

        return new AuditResult(
            expected.Count, rows.Count, lost, copies + strays.Count(row => row.SessionId is { } s && liveSessions.Contains(s)), shared,
            leftoverRecords, leftoverSessions, strays.Count(row => row.SessionId is null), ignoredTokens.Count);
    }

    private static List<Row> ReadRows(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, user_id, session_id, push_token, bundleid FROM push_tokens";
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            rows.Add(new Row(
                reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetString(4), reader.GetString(5)));
        }

        return rows;
    }

    private static HashSet<long> ReadSessions(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM sessions";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static HashSet<string> ReadSessionHashes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT token_hash FROM sessions";
        using var reader = command.ExecuteReader();
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            hashes.Add(Convert.ToHexString((byte[])reader.GetValue(0)));
        }

        return hashes;
    }

    private sealed record Row(long Id, int Kind, long UserId, long? SessionId, string PushToken, string BundleId);
}
