namespace PushTokenService.Application.Common;

/// <summary>The error strings of API.md sections 5 and 7: existing apps parse them byte for byte.</summary>
public static class ErrorStrings
{
    public const string NoToken = "no token";
    public const string InvalidToken = "invalid token";
    public const string LoginFailed = "username or password error";
    public const string NoData = "no data error";
    public const string BadBody = "paramer error";
    public const string IdFormat = "id format error";
    public const string BodyLength = "body length error";
    public const string ContentType = "content-type error";
    public const string TooManyRequests = "too many requests";
    public const string Database = "database error";
    public const string NoApiKey = "no api key";
    public const string InvalidApiKey = "invalid api key";

    public static string Undefined(string field) => $"undefined {field}";

    public static string Format(string field) => $"{field} format error";

    public static string Length(string field) => $"{field} length error";

    public static string Invalid(string field) => $"{field} error";

    public static string Exists(string field) => $"{field} exist";
}
