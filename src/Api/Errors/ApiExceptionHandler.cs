using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using PushTokenService.Api.Json;
using PushTokenService.Api.RateLimiting;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Exceptions;

namespace PushTokenService.Api.Errors;

/// <summary>
/// The one place where failures become the contract's error bodies and statuses (API.md sections 4 to 6).
/// An outcome the contract expects (400, 401, 404, 409, 413, 415, 429) is the client's and is not logged here; a
/// database error or an unexpected exception is the service's and is logged at Error with the answer's trace id.
/// </summary>
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
                await ContractProblem.WriteAsync(context, StatusCodes.Status400BadRequest, e.Error);
                break;
            case RequestBodyException e:
                await ContractProblem.WriteAsync(context, e.StatusCode, e.Error);
                break;
            case UnauthenticatedException e:
                await ContractProblem.WriteAsync(context, StatusCodes.Status401Unauthorized, e.Error);
                break;
            case NotFoundException:
                await ContractProblem.WriteAsync(context, StatusCodes.Status404NotFound, ErrorStrings.NoData);
                break;
            case ConflictException e:
                await ContractProblem.WriteAsync(context, StatusCodes.Status409Conflict, e.Error, id: e.ExistingId);
                break;
            case DatabaseException e:
                LogDatabaseError(logger, e.Code, ContractProblem.TraceId(context), e);
                if (e.IsTransient)
                {
                    context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                }

                await ContractProblem.WriteAsync(
                    context, e.IsTransient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError, ErrorStrings.Database, e.Code);
                break;
            case TooManyRequestsException e:
                await ContractRateLimits.WriteTooManyRequestsAsync(context, e.RetryAfter);
                break;
            case BadHttpRequestException e when e.StatusCode == StatusCodes.Status413PayloadTooLarge:
                await ContractProblem.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ErrorStrings.BodyLength);
                break;
            case BadHttpRequestException:
                await ContractProblem.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorStrings.BadBody);
                break;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                // The client went away: nobody reads the answer.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            default:
                LogUnexpected(logger, ContractProblem.TraceId(context), exception);
                await ContractProblem.WriteAsync(context, StatusCodes.Status500InternalServerError, ErrorStrings.BadBody);
                break;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error, trace id {TraceId}")]
    private static partial void LogUnexpected(ILogger logger, string traceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database error {Code}, trace id {TraceId}")]
    private static partial void LogDatabaseError(ILogger logger, int code, string traceId, Exception exception);
}
