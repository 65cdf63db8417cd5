using Microsoft.AspNetCore.Http.Json;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;
using Microsoft.Extensions.Options;

namespace PushTokenService.Api.Errors;

/// <summary>
/// The problem-details service's writer for every error answer: the framework's own writer, but with the charset that
/// every JSON answer of the contract names (API.md section 1), whatever the request's <c>Accept</c> says.
/// </summary>
public sealed class ContractProblemWriter(IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context) =>
        new(context.HttpContext.Response.WriteAsJsonAsync(
            context.ProblemDetails,
            jsonOptions.Value.SerializerOptions.GetTypeInfo(context.ProblemDetails.GetType()),
            ContentType,
            context.HttpContext.RequestAborted));
}
