using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PushTokenService.Soak;

/// <summary>
/// One simulated phone: logs in to an account, registers one ring and one message token, then re-registers, rotates,
/// reads and deletes them, logs out and in again, or moves to another account without logging out (its tokens then
/// move with it). Only this phone ever sends its tokens, so the 2xx answers it gets are a model of what the database
/// must hold for it.
/// </summary>
public sealed class Phone(int number, HttpClient http, Accounts accounts, Counters counters, ConcurrentBag<string> loggedOutSessions)
{
    public const string Password = "soak-password-1";
    private const string RingPath = "/v1/api/user/token";
    private const string MessagePath = "/v1/api/user/message/token";

    private static readonly Kind[] Kinds = [Kind.Ring, Kind.Message];
    private readonly Random _random = new(number);
    private readonly Dictionary<Kind, ExpectedRecord?> _records = new() { [Kind.Ring] = null, [Kind.Message] = null };
    private readonly Dictionary<Kind, string> _pushTokens = new();
    private readonly HashSet<string> _everyPushToken = [];
    private int _account = -1;
    private int _generation;
    private string? _session;
    private long _userId;

    public int Number => number;

    /// <summary>Set when an answer was not the one the model predicts, or a request failed: the audit leaves this phone out.</summary>
    public bool Uncertain { get; private set; }

    public IEnumerable<(Kind Kind, ExpectedRecord Record)> Records =>
        _records.Where(pair => pair.Value is not null).Select(pair => (pair.Key, pair.Value!));

    public IReadOnlyCollection<string> EveryPushToken => _everyPushToken;

    public async Task StartAsync()
    {
        foreach (var kind in Kinds)
        {
            _pushTokens[kind] = NewPushToken(kind);
        }

        await MoveAsync();
    }

    public async Task RunAsync(DateTime until)
    {
        while (DateTime.UtcNow < until && !Uncertain)
        {
            await Task.Delay(_random.Next(100, 600));
            var kind = Kinds[_random.Next(Kinds.Length)];
            var dice = _random.Next(1000);
            switch (dice)
            {
                case < 3:
                    await LogoutAsync();
                    await MoveAsync();
                    break;
                case < 6:
                    await MoveAsync();
                    break;
                case < 60:
                    await DeleteAsync(kind);
                    break;
                case < 260:
                    await PostAsync(kind);
                    break;
                case < 460:
                    await PutAsync(kind);
                    break;
                default:
                    await GetAsync(kind);
                    break;
            }
        }
    }

    /// <summary>Logs in to another account (the old session, if any, is abandoned, not logged out) and registers both tokens there.</summary>
    private async Task MoveAsync()
    {
        _account = accounts.Move(_account, _random);
        var username = accounts.Usernames[_account];
        _session = null;
        var (status, body) = await CallAsync("login", HttpMethod.Post, "/v1/api/user/login", $$"""{"username":"{{username}}","password":"{{Password}}"}""");
        if (!Expect("login", status, 200, body))
        {
            return;
        }

        _session = body!["token"]!.GetValue<string>();
        _userId = body["id"]!.GetValue<long>();
        foreach (var kind in Kinds)
        {
            await PostAsync(kind);
        }
    }

    private async Task LogoutAsync()
    {
        var (status, body) = await CallAsync("logout", HttpMethod.Post, "/v1/api/user/logout", null);
        if (Expect("logout", status, 204, body))
        {
            loggedOutSessions.Add(_session!);
            _records[Kind.Ring] = null;
            _records[Kind.Message] = null;
        }
    }

    /// <summary>Registers the token: new (201), already held by this user (409 with its id), or held by the previous account (201, moved).</summary>
    private async Task PostAsync(Kind kind)
    {
        if (Uncertain)
        {
            return;
        }

        var record = _records[kind];
        var pushToken = _pushTokens[kind];
        var (status, body) = await CallAsync($"POST {kind}", HttpMethod.Post, PathOf(kind), Body(pushToken));
        if (record is not null && record.UserId == _userId)
        {
            if (Expect($"POST {kind}", status, 409, body) && body!["id"]?.GetValue<long>() != record.Id)
            {
                Surprise($"POST {kind} answered exist with id {body["id"]}, the record is {record.Id}");
            }

            return;
        }

        if (Expect($"POST {kind}", status, 201, body))
        {
            _records[kind] = new ExpectedRecord(body!["id"]!.GetValue<long>(), _userId, pushToken);
        }
    }

    /// <summary>The phone's token changed (an app reinstall, an APNs rotation): PUT the new value on the same record.</summary>
    private async Task PutAsync(Kind kind)
    {
        var record = _records[kind];
        if (record is null)
        {
            await PostAsync(kind);
            return;
        }

        var pushToken = NewPushToken(kind);
        var (status, body) = await CallAsync($"PUT {kind}", HttpMethod.Put, $"{PathOf(kind)}/{record.Id}", Body(pushToken));
        if (!Expect($"PUT {kind}", status, 200, body))
        {
            return;
        }

        _pushTokens[kind] = pushToken;
        _records[kind] = record with { PushToken = pushToken };
        if (body!["id"]?.GetValue<long>() != record.Id || body["push_token"]?.GetValue<string>() != pushToken)
        {
            Surprise($"PUT {kind} answered {body.ToJsonString()} for record {record.Id}");
        }
    }

    private async Task DeleteAsync(Kind kind)
    {
        var record = _records[kind];
        if (record is null)
        {
            await GetAsync(kind);
            return;
        }

        var (status, body) = await CallAsync($"DELETE {kind}", HttpMethod.Delete, $"{PathOf(kind)}/{record.Id}", null);
        if (Expect($"DELETE {kind}", status, 204, body))
        {
            _records[kind] = null;
        }
    }

    /// <summary>The list holds this phone's record, once, as last written; or none of its token when it holds none.</summary>
    private async Task GetAsync(Kind kind)
    {
        var (status, body) = await CallAsync($"GET {kind}", HttpMethod.Get, PathOf(kind), null);
        if (!Expect($"GET {kind}", status, 200, body))
        {
            return;
        }

        var record = _records[kind];
        var mine = body!.AsArray().Where(item => item!["push_token"]!.GetValue<string>() == _pushTokens[kind]).ToList();
        var consistent = record is null
            ? mine.Count == 0
            : mine.Count == 1 && mine[0]!["id"]!.GetValue<long>() == record.Id;
        if (!consistent)
        {
            Surprise($"GET {kind} shows {mine.Count} records of token {_pushTokens[kind]}, the model has {record?.Id.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        }
    }

    private async Task<(int Status, JsonNode? Body)> CallAsync(string operation, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (_session is not null)
        {
            request.Headers.TryAddWithoutValidation("token", _session);
        }

        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            counters.Answer(operation, (int)response.StatusCode);
            return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            counters.TransportError(operation, exception);
            Uncertain = true;
            return (0, null);
        }
    }

    private bool Expect(string operation, int status, int expected, JsonNode? body)
    {
        if (status == expected)
        {
            return true;
        }

        if (status != 0)
        {
            Surprise($"{operation} answered {status} {body?.ToJsonString()}, expected {expected}");
        }

        Uncertain = true;
        return false;
    }

    private void Surprise(string what) => counters.Surprise($"phone {number}: {what}");

    private string NewPushToken(Kind kind)
    {
        var pushToken = $"soak{number:D4}{kind}{++_generation:D5}{_random.Next():x8}";
        _everyPushToken.Add(pushToken);
        return pushToken;
    }

    private string Body(string pushToken) => _random.Next(2) == 0
        ? $$"""{"push_token":"{{pushToken}}","language":"en"}"""
        : $$"""{"push_token":"{{pushToken}}","language":"zh-CN","dev":1,"os":"Xiaomi","os_token":"os{{pushToken}}","push_platform":"xiaomi"}""";

    private static string PathOf(Kind kind) => kind == Kind.Ring ? RingPath : MessagePath;
}
