using PushTokenService.Api.Errors;
using PushTokenService.Application.Common;

namespace PushTokenService.Api.Http;

/// <summary>Gives the framework's bodiless answers (unknown path, wrong method) the contract's error body.</summary>
public static class StatusCodeBodies
{
    public static Task WriteAsync(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => ErrorResponseWriter.WriteAsync(context, StatusCodes.Status404NotFound, ErrorStrings.NoData),
        >= 400 and < 500 => ErrorResponseWriter.WriteAsync(context, context.Response.StatusCode, ErrorStrings.BadBody),
        _ => Task.CompletedTask,
    };
}
