using System.Globalization;
using Microsoft.Data.Sqlite;
using PushTokenService.Infrastructure.Security;

// Bulk-seeds a migrated SQLite database for the benchmark, straight into the tables (the service's own
// POST path is measured by the benchmark itself).
//   seeder <database file> <output folder> <bench users> <filler records> <delete pool>
// bench users: each gets a session (token written to sessions.txt with its ring record id) and one ring record;
// filler records: ring records of other users, 10 per user, so the registry has that many more rows;
// delete pool: message records of the bench users, written to deletes.txt as "token id" lines.
//   seeder <database file> <output folder> delivery <fan-out users>
// delivery: ring records for the delivery rows: each fan-out user holds an APNs and an FCM record (their ids in
// fanout-users.txt, their tokens as "push_token os_token" lines in fanout-tokens.txt, for the baseline), and one more
// user holds an APNs, an FCM and a Huawei record (ring-user.txt).
var delivery = args.Length == 4 && args[2] == "delivery";
if (args.Length != 5 && !delivery)
{
    Console.Error.WriteLine("usage: seeder <database file> <output folder> <bench users> <filler records> <delete pool>");
    Console.Error.WriteLine("       seeder <database file> <output folder> delivery <fan-out users>");
    return 2;
}

var databaseFile = args[0];
var output = args[1];
var benchUsers = delivery ? 0 : int.Parse(args[2], CultureInfo.InvariantCulture);
var fillerRecords = delivery ? 0 : int.Parse(args[3], CultureInfo.InvariantCulture);
var deletePool = delivery ? 0 : int.Parse(args[4], CultureInfo.InvariantCulture);
var fanOutUsers = delivery ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
Directory.CreateDirectory(output);

var hasher = new IdentityPasswordHasher();
var passwordHash = hasher.Hash("bench-password");
var tokens = new SessionTokens();
var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
var expires = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeMilliseconds();

using var connection = new SqliteConnection($"Data Source={databaseFile}");
connection.Open();
using (var pragma = connection.CreateCommand())
{
    pragma.CommandText = "PRAGMA synchronous = OFF;";
    pragma.ExecuteNonQuery();
}

using var transaction = connection.BeginTransaction();
var firstUser = NextId("users");

using var insertUser = Command("INSERT INTO users (username, password_hash, created_at) VALUES ($name, $hash, $now) RETURNING id");
using var insertSession = Command("INSERT INTO sessions (user_id, token_hash, created_at, expires_at) VALUES ($user, $hash, $now, $expires) RETURNING id");
using var insertRecord = Command("""
    INSERT INTO push_tokens (kind, user_id, session_id, push_token, language, dev, bundleid, os, os_token, push_platform, created_at, updated_at)
    VALUES ($kind, $user, $session, $token, 'en', 0, 'com.lancens.app', '', $osToken, $platform, $now, $now) RETURNING id
    """);

var sessions = new List<(long UserId, string Token, long RecordId)>();
for (var i = 0; i < benchUsers; i++)
{
    var userId = InsertUser($"bench{firstUser + i}");
    var token = tokens.NewToken();
    var sessionId = Scalar(insertSession, ("$user", userId), ("$hash", tokens.Hash(token)), ("$now", now), ("$expires", expires));
    var recordId = InsertRecord(1, userId, sessionId, $"seed-ring-{userId}");
    sessions.Add((userId, token, recordId));
}

var deletes = new List<string>();
for (var i = 0; i < deletePool; i++)
{
    var (userId, token, _) = sessions[i % sessions.Count];
    deletes.Add($"{token} {InsertRecord(2, userId, null, $"seed-delete-{userId}-{i}")}");
}

long fillerUser = 0;
for (var i = 0; i < fillerRecords; i++)
{
    if (i % 10 == 0)
    {
        fillerUser = InsertUser($"filler{firstUser + benchUsers + (i / 10)}");
    }

    InsertRecord(1, fillerUser, null, $"seed-filler-{fillerUser}-{i % 10}");
}

var fanOut = new List<long>();
var fanOutTokens = new List<string>();
for (var i = 0; i < fanOutUsers; i++)
{
    var userId = InsertUser($"fanout{firstUser + i}");
    var apnsToken = $"{userId:x16}{new string('a', 48)}";
    var fcmToken = $"fcm-registration-{userId}";
    InsertRecord(1, userId, null, apnsToken);
    InsertRecord(1, userId, null, $"fcm-{userId}", "FCM", fcmToken);
    fanOut.Add(userId);
    fanOutTokens.Add($"{apnsToken} {fcmToken}");
}

if (delivery)
{
    var ringUser = InsertUser($"ring{firstUser + fanOutUsers}");
    InsertRecord(1, ringUser, null, $"{ringUser:x16}{new string('b', 48)}");
    InsertRecord(1, ringUser, null, $"fcm-{ringUser}", "FCM", $"fcm-registration-{ringUser}");
    InsertRecord(1, ringUser, null, $"hms-{ringUser}", "HUAWEI", $"hms-token-{ringUser}");
    File.WriteAllText(Path.Combine(output, "fanout-users.txt"), string.Join(',', fanOut));
    File.WriteAllLines(Path.Combine(output, "fanout-tokens.txt"), fanOutTokens);
    File.WriteAllText(Path.Combine(output, "ring-user.txt"), ringUser.ToString(CultureInfo.InvariantCulture));
}

transaction.Commit();
// Into the database file at once: seeded into a running service's file, the rows would otherwise wait in the WAL for
// the service's own checkpoints, which would copy them in while the benchmark measures it.
using (var checkpoint = connection.CreateCommand())
{
    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
    checkpoint.ExecuteNonQuery();
}

File.WriteAllLines(Path.Combine(output, "sessions.txt"), sessions.Select(s => $"{s.Token} {s.RecordId} {s.UserId}"));
File.WriteAllLines(Path.Combine(output, "deletes.txt"), deletes);
File.WriteAllLines(Path.Combine(output, "usernames.txt"), sessions.Select(s => $"bench{s.UserId}"));
Console.WriteLine($"seeded {benchUsers} bench users, {deletePool} delete-pool records, {fillerRecords} filler records, {fanOutUsers} fan-out users");
return 0;

long InsertUser(string name) => Scalar(insertUser, ("$name", name), ("$hash", passwordHash), ("$now", now));

long InsertRecord(int kind, long userId, long? sessionId, string token, string platform = "", string osToken = "") =>
    Scalar(insertRecord, ("$kind", kind), ("$user", userId), ("$session", (object?)sessionId ?? DBNull.Value), ("$token", token),
        ("$platform", platform), ("$osToken", osToken), ("$now", now));

long NextId(string table)
{
    using var command = Command($"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}");
    return (long)command.ExecuteScalar()!;
}

SqliteCommand Command(string sql)
{
    var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = sql;
    return command;
}

static long Scalar(SqliteCommand command, params (string Name, object Value)[] parameters)
{
    command.Parameters.Clear();
    foreach (var (name, value) in parameters)
    {
        command.Parameters.AddWithValue(name, value);
    }

    return (long)command.ExecuteScalar()!;
}
