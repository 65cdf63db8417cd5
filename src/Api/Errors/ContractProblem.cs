using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace PushTokenService.Api.Errors;

/// <summary>
/// The contract's error body (API.md section 1): <c>error</c>, <c>code</c> for database errors and <c>id</c> for
/// <c>push_token exist</c>, inside an RFC 9457 problem document written by the framework's problem-details service.
/// </summary>
public static class ContractProblem
{
    public static Task WriteAsync(HttpContext context, int status, string error, int? code = null, long? id = null)
    {
        var problem = new ProblemDetails
        {
            Type = "about:blank",
            Title = ReasonPhrases.GetReasonPhrase(status),
            Status = status,
        };
        problem.Extensions["error"] = error;
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        if (id is not null)
        {
            problem.Extensions["id"] = id;
        }

        problem.Extensions["traceId"] = TraceId(context);
        context.Response.Headers.CacheControl = "no-store";

        // The problem-details service writes it; a client whose Accept rules out JSON still gets it as problem+json.
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }

    /// <summary>The id that ties an answer to its log lines.</summary>
    public static string TraceId(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;
}
