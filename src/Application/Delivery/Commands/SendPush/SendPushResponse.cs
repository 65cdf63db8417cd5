using System.Text.Json.Serialization;

namespace PushTokenService.Application.Delivery.Commands.SendPush;

/// <summary>One send's answer (API.md section 10.2): its id, the counts per outcome and one result per record.</summary>
public sealed record SendPushResponse(
    [property: JsonPropertyName("push_id")] string PushId,
    [property: JsonPropertyName("targets")] int Targets,
    [property: JsonPropertyName("sent")] int Sent,
    [property: JsonPropertyName("invalidated")] int Invalidated,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("not_configured")] int NotConfigured,
    [property: JsonPropertyName("unsupported")] int Unsupported,
    [property: JsonPropertyName("results")] IReadOnlyList<PushResultResponse> Results);

/// <summary>What became of one record, ascending <c>token_id</c> in the answer.</summary>
public sealed record PushResultResponse(
    [property: JsonPropertyName("token_id")] long TokenId,
    [property: JsonPropertyName("user_id")] long UserId,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("provider_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ProviderId,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);
