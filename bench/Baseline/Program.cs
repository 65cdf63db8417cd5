using System.Text.Json.Serialization;

// The practical limit of HTTP + JSON on this machine: the same answer as GET /v1/api/user/token
// with one record, from memory, with no database and no authentication.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJson.Default));
var app = builder.Build();

var records = new[]
{
    new BaselineRecord(
        1, "740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad", "en", 0, "com.lancens.app", "", "", "",
        new DateTime(2026, 11, 28, 12, 0, 0, 123, DateTimeKind.Utc), new DateTime(2026, 11, 28, 12, 0, 0, 123, DateTimeKind.Utc)),
};
app.MapGet("/v1/api/user/token", () => records);
app.Run();

internal sealed record BaselineRecord(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("push_token")] string PushToken,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("dev")] int Dev,
    [property: JsonPropertyName("bundleid")] string BundleId,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("os_token")] string OsToken,
    [property: JsonPropertyName("push_platform")] string PushPlatform,
    [property: JsonPropertyName("created_at")] DateTime CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTime UpdatedAt);

[JsonSerializable(typeof(BaselineRecord[]))]
internal sealed partial class BaselineJson : JsonSerializerContext;
