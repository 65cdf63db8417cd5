using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace PushTokenService.Api.FunctionalTests.Support;

/// <summary>One request of the corpus, as sent over HTTP.</summary>
public sealed record FuzzRequest(
    string Method, string Path, string? Token, string? Authorization, string? ContentType, byte[]? Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public override string ToString()
    {
        var body = Body is null ? "(none)" : Body.Length > 160 ? $"{Convert.ToHexString(Body.AsSpan(0, 80))}... ({Body.Length} bytes)" : Convert.ToHexString(Body);
        return $"{Method} {Path} token={Shorten(Token)} authorization={Shorten(Authorization)} content-type={ContentType} headers={Headers.Count} body={body}";
    }

    private static string? Shorten(string? value) => value is { Length: > 40 } ? $"{value[..40]}... ({value.Length} chars)" : value;
}

/// <summary>What the corpus needs to know of the service's state: live sessions and record ids.</summary>
public sealed record FuzzTargets(
    string Token, string OtherUsersToken, string LoggedOutToken, IReadOnlyList<string> SpareTokens, IReadOnlyList<long> OwnIds, IReadOnlyList<long> OtherUsersIds, int MaxBodyBytes);

/// <summary>
/// Random and mutated requests to every user endpoint, drawn with FsCheck's generators from a fixed seed, so that a
/// failure names a request that the next run sends again: bodies of every JSON shape and none, invalid UTF-8, lone
/// surrogates, NUL, huge numbers, deep nesting, duplicate keys, wrong types, long strings and headers, oversized bodies.
/// </summary>
public static class FuzzCorpus
{
    private static readonly string[] Fields =
        ["username", "password", "push_token", "language", "dev", "bundleid", "os", "os_token", "push_platform"];

    private static readonly string[] OddNumbers =
    [
        "1e400", "-1e400", "99999999999999999999", "-99999999999999999999", "1.5", "0", "1", "-1", "2", "-0", "1E2", "0.0",
        "9223372036854775807", "9223372036854775808", "123456789012345678901234567890.5", "1e-400", "00", "01", "+1", ".5", "NaN", "Infinity",
    ];

    // A NUL in the path (%00) never reaches the app: the server refuses the request line (KestrelLimitTests).
    private static readonly string[] OddIds =
    [
        "0", "-1", "1.5", "1e3", "abc", "99999999999999999999", "9223372036854775807", "9223372036854775808", "%2F..%2F",
        "%E2%80%8B", "%FF", "%20", "+1", "0x1F", "%D9%A1", new string('9', 1000), "%F0%9F%92%A3", "..", "%2E%2E", "1;2", "1,2",
    ];

    private static readonly string[] InvalidUtf8 = ["C328", "A0A1", "E228A1", "F0288CBC", "F8A1A1A1A1", "C0AF", "EDA080", "EDBFBF", "FF", "FE", "EFBBBF"];

    private static readonly string[] ContentTypes =
    [
        "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=\"utf-8\"",
        "application/JSON", "*/*", "application/json;;;", "application/json; charset=latin1", "multipart/form-data; boundary=x",
        "application/problem+json", "application/jsonx", "json", "", " ", "application/json; charset=utf-8; charset=ascii",
    ];

    public static IReadOnlyList<FuzzRequest> Generate(FuzzTargets targets, ulong seed, int count) =>
        Request(targets).Sample(count, new Rnd(seed), 30);

    private static Gen<FuzzRequest> Request(FuzzTargets targets) =>
        from endpoint in Endpoint(targets)
        from token in endpoint.Path.EndsWith("/logout", StringComparison.Ordinal) ? LogoutToken(targets) : Token(targets)
        from authorization in Authorization(targets)
        from contentType in ContentType()
        from body in Body(targets)
        from headers in Headers()
        from query in Query()
        select new FuzzRequest(endpoint.Method, endpoint.Path + query, token, authorization, contentType, body, headers);

    private static Gen<(string Method, string Path)> Endpoint(FuzzTargets targets)
    {
        var collection = Gen.Elements(ApiClient.RingPath, ApiClient.MessagePath);
        return Gen.Frequency(
            (3, Gen.Constant(("POST", "/v1/api/user/register"))),
            (3, Gen.Constant(("POST", "/v1/api/user/login"))),
            (1, Gen.Constant(("POST", "/v1/api/user/logout"))),
            (6, from path in collection from method in Gen.Elements("GET", "POST") select (method, path)),
            (6, from path in collection from method in Gen.Elements("PUT", "DELETE") from id in Id(targets) select (method, $"{path}/{id}")),
            (1, from path in Gen.Elements("/v1/api/user/register", "/v1/api/user/login", "/v1/api/user/logout", ApiClient.RingPath, ApiClient.MessagePath)
                from method in Gen.Elements("PATCH", "OPTIONS", "HEAD", "GET", "PUT", "DELETE", "FOO")
                select (method, path)),
            (1, from path in collection from method in Gen.Elements("GET", "POST", "PATCH") from id in Id(targets) select (method, $"{path}/{id}")));
    }

    /// <summary>No endpoint reads a query string; some clients send one anyway, and jQuery-style keys have broken parsers before.</summary>
    private static Gen<string> Query() => Gen.Frequency(
        (12, Gen.Constant("")),
        (2, Gen.Elements("?", "?a", "?a[=1", "?a]=1", "?a[b][=1", "?token=x", "?id=1&id=2", "?%ff=%fe", "?a=%", "?[[[[[[=1", "?a[]=1&a[]=2", "?&&&=&")),
        (1, Text().Select(text => "?" + Uri.EscapeDataString(text.Replace("\0", "", StringComparison.Ordinal)) + "=" + Uri.EscapeDataString(text.Replace("\0", "", StringComparison.Ordinal)))));

    private static Gen<string> Id(FuzzTargets targets) => Gen.Frequency(
        (3, Gen.Elements(targets.OwnIds.ToArray()).Select(id => id.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Elements(targets.OtherUsersIds.ToArray()).Select(id => id.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Choose(int.MinValue, int.MaxValue).Select(id => id.ToString(CultureInfo.InvariantCulture))),
        (3, Gen.Elements(OddIds)),
        (1, Text().Select(text => Uri.EscapeDataString(text.Replace("\0", "", StringComparison.Ordinal)))));

    private static Gen<string?> Token(FuzzTargets targets) => Gen.Frequency(
        (8, Gen.Constant<string?>(targets.Token)),
        (1, Gen.Constant<string?>(targets.OtherUsersToken)),
        (1, Gen.Constant<string?>(targets.LoggedOutToken)),
        (2, Gen.Constant<string?>(null)),
        (1, Gen.Constant<string?>("")),
        (1, HeaderValue(1, 100).Select(value => (string?)value)),
        (1, HeaderValue(5000, 12000).Select(value => (string?)value)),
        (1, Gen.Constant<string?>(targets.Token + "x")),
        (1, Gen.Constant<string?>(targets.Token[..^1])));

    private static Gen<string?> LogoutToken(FuzzTargets targets) => Gen.Frequency(
        (3, Gen.Elements(targets.SpareTokens.ToArray()).Select(token => (string?)token)),
        (1, Gen.Constant<string?>(targets.LoggedOutToken)),
        (1, Gen.Constant<string?>(null)),
        (1, HeaderValue(1, 100).Select(value => (string?)value)));

    private static Gen<string?> Authorization(FuzzTargets targets) => Gen.Frequency(
        (12, Gen.Constant<string?>(null)),
        (1, Gen.Constant<string?>($"Bearer {targets.SpareTokens[0]}")),
        (1, Gen.Constant<string?>("Bearer")),
        (1, Gen.Constant<string?>("Bearer ")),
        (1, Gen.Constant<string?>($"bearer    {targets.OtherUsersToken}   ")),
        (1, Gen.Constant<string?>("Basic dXNlcjpwYXNz")),
        (1, HeaderValue(1, 3000).Select(value => (string?)("Bearer " + value))));

    private static Gen<string?> ContentType() => Gen.Frequency(
        (12, Gen.Constant<string?>("application/json")),
        (2, Gen.Constant<string?>("application/json; charset=utf-8")),
        (2, Gen.Constant<string?>(null)),
        (4, Gen.Elements(ContentTypes).Select(value => (string?)value)));

    private static Gen<byte[]?> Body(FuzzTargets targets) => Gen.Frequency(
        (2, Gen.Constant<byte[]?>(null)),
        (10, JsonObject().Select(Utf8)),
        (6, Mutated(JsonObject())),
        (2, Gen.Elements("", " ", "null", "[]", "\"text\"", "123", "true", "{", "}", "{}", "{\"push_token\"}", "{\"a\":1}{}", "{\"a\":1,}", "{'push_token':'a'}", "{\"push_token\":\"a\",\"language\":\"en\"")
            .Select(Utf8)),
        (2, ArbMap.Default.GeneratorFor<byte[]>().Select(bytes => (byte[]?)bytes)),
        (2, from body in JsonObject() from bad in Gen.Elements(InvalidUtf8) from at in Gen.Choose(0, 100) select Insert(Encoding.UTF8.GetBytes(body), at, Convert.FromHexString(bad))),
        (1, Gen.Elements(10_000, 100, 65).SelectMany(depth => Gen.Elements(
            new string('[', depth),
            new string('[', depth) + new string(']', depth),
            $"{{\"push_token\":{new string('[', depth)}{new string(']', depth)},\"language\":\"en\"}}",
            string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth))).Select(Utf8)),
        (1, from body in JsonObject() from extra in Gen.Choose(1, 3000) select Oversized(body, targets.MaxBodyBytes + extra)));

    private static Gen<string> JsonObject() =>
        from n in Gen.Choose(0, int.MaxValue)
        from fields in Gen.Frequency(
            (3, Gen.Constant(ValidFields(n))),
            (2, Gen.SubListOf(Fields).Select(names => ValidFields(n).Where(field => names.Contains(field.Name)).ToList())))
        from changes in Gen.ListOf(Change()).Resize(3)
        from extras in Gen.ListOf(from key in Key() from value in Value() select (key, value)).Resize(3)
        from duplicate in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select Serialize(fields, changes, extras, duplicate);

    private static Gen<(string Field, string Value)> Change() =>
        from field in Gen.Elements(Fields)
        from value in Value()
        select (field, value);

    /// <summary>A JSON value, as text: strings of every kind, odd numbers, other types, nesting.</summary>
    private static Gen<string> Value() => Gen.Frequency(
        (6, Text().Select(JsonString)),
        (2, Gen.Elements(
            "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"a\\ud800b\"", "\"\\u0000\"", "\"abc\\u0000def\"", "\"\\uFFFF\"", "\"\\u00e9\"",
            "\"\\\"\"", "\"\\q\"", "\"\\u12\"", "\"\t\"", "\"a\u0000b\"", "\"😀😀😀😀😀😀😀😀\"", "\"\\ud83d\\ude00\"")),
        (2, Gen.Elements(OddNumbers)),
        (1, Gen.Elements("true", "false", "null", "[]", "{}", "[1,2]", "{\"a\":\"b\"}", "[\"en\"]", "[[[[[[[[[[]]]]]]]]]]")),
        (1, Gen.Elements(257, 513, 5_000, 20_000).SelectMany(length => Gen.Elements('a', 'é', ' ', '~', '中').Select(c => JsonString(new string(c, length))))));

    private static Gen<string> Key() => Gen.Frequency(
        (3, Gen.Elements(Fields)),
        (1, Gen.Elements("Push_Token", "push_token ", "PUSH_TOKEN", "id", "user_id", "__proto__", "", "\\u0070ush_token", "token")),
        (1, Text()));

    private static Gen<string> Text() => Gen.Frequency(
        (3, ArbMap.Default.GeneratorFor<string>().Select(text => text ?? "")),
        (2, Gen.Elements("en", "zh-CN", "zh_Hans_CN", "com.lancens.app", "FCM", "huawei", "a b", "0123456789abcdef", "Xiaomi Mi 11", "abc", "' OR 1=1 --", "\"; DROP TABLE users; --", "1; SELECT * FROM sessions", "admin'--")),
        (1, Gen.ArrayOf(Gen.Elements('\0', '\u0001', '\u001f', '\u007f', '\u00a0', '\u200b', '\ufeff', '\uffff', 'a', ' ', '"', '\\', '/')).Select(chars => new string(chars))));

    private static Gen<IReadOnlyList<KeyValuePair<string, string>>> Headers() => Gen.Frequency(
        (6, Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([])),
        (2, Gen.ListOf(Header()).Resize(4).Select(headers => (IReadOnlyList<KeyValuePair<string, string>>)[.. headers])));

    private static Gen<KeyValuePair<string, string>> Header() =>
        from name in Gen.Elements("X-Forwarded-For", "Accept", "Accept-Charset", "Origin", "X-Long", "X-Api-Key", "Cookie", "X-Http-Method-Override", "Accept-Encoding", "X-Request-Id")
        from value in Gen.Frequency((4, HeaderValue(0, 64)), (1, HeaderValue(4_000, 9_000)))
        select KeyValuePair.Create(name, value);

    /// <summary>Header text: printable ASCII and Latin-1 (what HTTP/1.1 lets through), of a length in the range.</summary>
    private static Gen<string> HeaderValue(int minLength, int maxLength) =>
        from length in Gen.Choose(minLength, maxLength)
        from seed in Gen.Choose(0, int.MaxValue)
        select RandomHeaderText(length, seed);

    private static string RandomHeaderText(int length, int seed)
    {
        var random = new Random(seed);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(10) == 0 ? (char)random.Next(0xA0, 0x100) : (char)random.Next(0x21, 0x7F);
        }

        return new string(chars);
    }

    /// <summary>A body made invalid at one spot: a character dropped, doubled or replaced, the end cut off, garbage after it.</summary>
    private static Gen<byte[]?> Mutated(Gen<string> bodies) =>
        from body in bodies
        from kind in Gen.Choose(0, 4)
        from at in Gen.Choose(0, Math.Max(0, body.Length - 1))
        from c in Gen.Elements('{', '}', '"', ',', ':', '[', '\\', '\0', 'x', '1', ' ')
        select (byte[]?)Utf8(kind switch
        {
            0 => body.Remove(at, Math.Min(1, body.Length - at)),
            1 => body.Insert(at, c.ToString()),
            2 => body.Length == 0 ? body : body.Remove(at, 1).Insert(at, c.ToString()),
            3 => body[..at],
            _ => body + c,
        });

    /// <summary>A valid value for every field; <paramref name="n"/> makes the names and tokens of one body its own.</summary>
    private static List<(string Name, string Value)> ValidFields(int n) =>
    [
        ("username", JsonString($"fuzz{n}")),
        ("password", JsonString(ApiClient.Password)),
        ("push_token", JsonString($"fuzz{n:x8}")),
        ("language", JsonString("en")),
        ("dev", "1"),
        ("bundleid", JsonString("com.lancens.app")),
        ("os", JsonString("Xiaomi")),
        ("os_token", JsonString($"os{n:x8}")),
        ("push_platform", JsonString("xiaomi")),
    ];

    private static string Serialize(List<(string Name, string Value)> fields, List<(string Field, string Value)> changes, List<(string Key, string Value)> extras, bool duplicate)
    {
        var members = fields.ToList();
        foreach (var (field, value) in changes)
        {
            var index = members.FindIndex(member => member.Name == field);
            if (index >= 0)
            {
                members[index] = (field, value);
            }
            else
            {
                members.Add((field, value));
            }
        }

        members.AddRange(extras.Select(extra => (JsonKey(extra.Key), extra.Value)));
        if (duplicate && members.Count > 0)
        {
            members.Add(members[0]);
        }

        return "{" + string.Join(",", members.Select(member => $"{JsonKey(member.Name)}:{member.Value}")) + "}";
    }

    private static string JsonKey(string key) => key.StartsWith('"') ? key : JsonString(key);

    /// <summary>A JSON string of the text, escaping only what JSON requires; other characters go raw, even lone surrogates.</summary>
    private static string JsonString(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static byte[]? Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[]? Insert(byte[] body, int at, byte[] bytes)
    {
        var index = Math.Min(at, body.Length);
        return [.. body.AsSpan(0, index), .. bytes, .. body.AsSpan(index)];
    }

    private static byte[]? Oversized(string body, int length)
    {
        var padding = Math.Max(0, length - body.Length - 12);
        return Utf8(body.Insert(1, $"\"pad\":\"{new string('p', padding)}\","));
    }
}
