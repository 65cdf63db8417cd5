namespace PushTokenService.Api.OpenApi;

/// <summary>Example bodies and error-string lists shown in the OpenAPI document.</summary>
public static class Examples
{
    public const string CredentialsBody = """{"username":"alice@example.com","password":"correct horse battery"}""";

    public const string PushTokenBody = """
        {"push_token":"740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad","language":"zh-CN","dev":0,
         "bundleid":"com.lancens.app","os":"Huawei","os_token":"IQAAAACy0kYkAAD0o7gOqAhUn0","push_platform":"HUAWEI"}
        """;

    public const string CredentialErrors =
        "paramer error, undefined username, username format error, username length error, username error, "
        + "undefined password, password format error, password length error";

    public const string FieldErrors =
        "paramer error, undefined push_token, push_token format error, push_token length error, push_token error, "
        + "undefined language, language format error, language length error, language error, dev format error, dev error, "
        + "bundleid format error, bundleid length error, bundleid error, os format error, os length error, os error, "
        + "undefined os_token, os_token format error, os_token length error, os_token error, "
        + "undefined push_platform, push_platform format error, push_platform error";

    public const string LookupBody = """{"kind":"ring","user_ids":[1,2,3]}""";

    public const string InvalidateBody = """
        {"kind":"ring","push_token":"740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad","dev":0,
         "invalid_since":"2026-11-28T12:00:00Z"}
        """;

    public const string LookupErrors =
        "paramer error, undefined kind, kind format error, kind error, undefined user_ids, user_ids format error, "
        + "user_ids length error, user_ids error";

    public const string InvalidateErrors =
        "paramer error, undefined kind, kind format error, kind error, undefined push_token, push_token format error, "
        + "push_token length error, push_token error, os_token format error, os_token length error, os_token error, "
        + "bundleid format error, bundleid length error, bundleid error, dev format error, dev error, "
        + "invalid_since format error, invalid_since error";

    public const string SendPushBody = """
        {"kind":"ring","user_ids":[1,2],"title":"Front door","body":"Someone is at the door",
         "data":{"device_id":"LC-3F2A91","event":"press"},"ttl_seconds":30,"collapse_id":"door-LC-3F2A91"}
        """;

    public const string SendPushErrors =
        "paramer error, undefined kind, kind format error, kind error, undefined user_ids, user_ids format error, "
        + "user_ids length error, user_ids error, title format error, title length error, body format error, body length error, "
        + "data format error, data length error, data error, ttl_seconds format error, ttl_seconds error, "
        + "collapse_id format error, collapse_id length error, bundleid format error, bundleid length error, bundleid error, "
        + "dry_run format error";
}
