using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PushTokenService.Application.PushTokens.Common;

namespace PushTokenService.Api.Http;

/// <summary>
/// The push-token endpoints' JSON answers, serialized with MVC's own options (the same bytes its formatter writes) and
/// written in one piece with their Content-Length. MVC's ObjectResult picks a formatter for every answer (content
/// negotiation against one media type), serializes asynchronously into the response stream and ends it as a chunked
/// body: in an interleaved A/B of the benchmark's POST, PUT and GET that path cost 8-12 % of a POST's CPU and 7 % of a
/// GET's. Errors keep their own path (<see cref="StatusCodeBodies"/> and the exception handler).
/// </summary>
public sealed class JsonAnswers(IOptions<JsonOptions> options)
{
    private readonly JsonTypeInfo<PushTokenResponse> _record = (JsonTypeInfo<PushTokenResponse>)options.Value.JsonSerializerOptions.GetTypeInfo(typeof(PushTokenResponse));
    private readonly JsonTypeInfo<IReadOnlyList<PushTokenResponse>> _list = (JsonTypeInfo<IReadOnlyList<PushTokenResponse>>)options.Value.JsonSerializerOptions.GetTypeInfo(typeof(IReadOnlyList<PushTokenResponse>));

    public IActionResult Record(PushTokenResponse value, int statusCode, string? location = null) =>
        new Answer(JsonSerializer.SerializeToUtf8Bytes(value, _record), statusCode, location);

    public IActionResult List(IReadOnlyList<PushTokenResponse> value) =>
        new Answer(JsonSerializer.SerializeToUtf8Bytes(value, _list), StatusCodes.Status200OK, null);

    private sealed class Answer(byte[] body, int statusCode, string? location) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = statusCode;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = body.Length;
            if (location is not null)
            {
                response.Headers.Location = location;
            }

            return response.Body.WriteAsync(body, 0, body.Length);
        }
    }
}
