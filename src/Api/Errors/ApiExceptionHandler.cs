using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using PushTokenService.Api.Http;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Exceptions;

namespace PushTokenService.Api.Errors;

/// <summary>The one place where failures become the contract's error bodies and statuses (API.md sections 4 to 6).</summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait after a transient database error.</summary>
    public const int RetryAfterSeconds = 1;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        if (context.Response.HasStarted)
        {
            return false;
        }

        switch (exception)
        {
            case ValidationFailedException e:
                await ErrorResponseWriter.WriteAsync(context, StatusCodes.Status400BadRequest, e.Error);
                break;
            case RequestBodyException e:
                await ErrorResponseWriter.WriteAsync(context, e.StatusCode, e.Error);
                break;
            case UnauthenticatedException e:
                await ErrorResponseWriter.WriteAsync(context, StatusCodes.Status401Unauthorized, e.Error);
                break;
            case NotFoundException:
                await ErrorResponseWriter.WriteAsync(context, StatusCodes.Status404NotFound, ErrorStrings.NoData);
                break;
            case ConflictException e:
                await ErrorResponseWriter.WriteAsync(context, StatusCodes.Status409Conflict, e.Error, id: e.ExistingId);
                break;
            case DatabaseException { IsTransient: true } e:
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ErrorResponseWriter.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ErrorStrings.Database, e.Code);
                break;
            case DatabaseException e:
                await ErrorResponseWriter.WriteAsync(context, StatusCodes.Status500InternalServerError, ErrorStrings.Database, e.Code);
                break;
            case TooManyRequestsException e:
                await RateLimiting.WriteTooManyRequestsAsync(context, e.RetryAfter);
                break;
            case BadHttpRequestException e when e.StatusCode == StatusCodes.Status413PayloadTooLarge:
                await ErrorResponseWriter.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ErrorStrings.BodyLength);
                break;
            case BadHttpRequestException:
                await ErrorResponseWriter.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorStrings.BadBody);
                break;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                // The client went away: nobody reads the answer.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            default:
                LogUnexpected(logger, Activity.Current?.Id ?? context.TraceIdentifier, exception);
                await ErrorResponseWriter.WriteAsync(context, StatusCodes.Status500InternalServerError, ErrorStrings.BadBody);
                break;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error, trace id {TraceId}")]
    private static partial void LogUnexpected(ILogger logger, string traceId, Exception exception);
}
