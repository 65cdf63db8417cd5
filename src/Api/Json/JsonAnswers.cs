using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PushTokenService.Application.PushTokens.Common;

namespace PushTokenService.Api.Json;

/// <summary>
/// The push-token endpoints' JSON answers, serialized with MVC's own options (the same bytes its formatter writes) and
/// written in one piece with their Content-Length: these answers are the hot path, and MVC's ObjectResult would pick a
/// formatter for each one, serialize asynchronously into the response stream and end it as a chunked body.
/// Errors keep their own path (<see cref="Errors.ContractProblem"/>).
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
