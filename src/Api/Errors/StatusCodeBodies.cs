using PushTokenService.Application.Common;

namespace PushTokenService.Api.Errors;

/// <summary>Gives the framework's bodiless answers (unknown path, wrong method) the contract's error body.</summary>
public static class StatusCodeBodies
{
    public static Task WriteAsync(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => ContractProblem.WriteAsync(context, StatusCodes.Status404NotFound, ErrorStrings.NoData),
        >= 400 and < 500 => ContractProblem.WriteAsync(context, context.Response.StatusCode, ErrorStrings.BadBody),
        _ => Task.CompletedTask,
    };
}
