using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PushTokenService.Api.Authentication;
using PushTokenService.Api.Json;
using PushTokenService.Api.OpenApi;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.PushTokens.Commands.AddPushToken;
using PushTokenService.Application.PushTokens.Commands.DeletePushToken;
using PushTokenService.Application.PushTokens.Commands.UpdatePushToken;
using PushTokenService.Application.PushTokens.Common;
using PushTokenService.Application.PushTokens.Queries.ListPushTokens;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Domain.Users;

namespace PushTokenService.Api.Controllers;

/// <summary>The four endpoints of one kind of push token (API.md section 3): HTTP in, a mediator message out.</summary>
[ApiController]
[Authorize(ApiAuthentication.Session)]
[Produces("application/json")]
[ErrorsDoc(StatusCodes.Status401Unauthorized, "no token", "invalid token")]
[ErrorsDoc(StatusCodes.Status429TooManyRequests, "too many requests")]
[ErrorsDoc(StatusCodes.Status500InternalServerError, "database error", "paramer error")]
[ErrorsDoc(StatusCodes.Status503ServiceUnavailable, "database error")]
public abstract class PushTokensControllerBase(ISender sender, JsonBodyReader bodies, JsonAnswers answers) : ControllerBase
{
    protected abstract TokenKind Kind { get; }

    /// <summary>The collection's path, for the Location of a new record.</summary>
    protected abstract string CollectionPath { get; }

    private Session Caller => HttpContext.GetCallerSession();

    // These four actions take no parameters, so MVC skips model binding and its validation on the hot path altogether:
    // the route's {id} and the cancellation token are read here instead.
    private CancellationToken Aborted => HttpContext.RequestAborted;

    private string RouteId => RouteData.Values["id"] as string ?? string.Empty;

    /// <summary>The caller's records of this kind, ascending id.</summary>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<PushTokenResponse>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List() =>
        answers.List(await sender.Send(new ListPushTokensQuery(Kind, Caller), Aborted));

    /// <summary>Registers a push token; one held by another user moves to the caller.</summary>
    [HttpPost]
    [RequestBodyDoc(typeof(PushTokenDoc), Examples.PushTokenBody)]
    [ProducesResponseType<PushTokenResponse>(StatusCodes.Status201Created)]
    [ErrorsDoc(StatusCodes.Status400BadRequest, Examples.FieldErrors)]
    [ErrorsDoc(StatusCodes.Status409Conflict, "push_token exist")]
    [ErrorsDoc(StatusCodes.Status413PayloadTooLarge, "body length error")]
    [ErrorsDoc(StatusCodes.Status415UnsupportedMediaType, "content-type error")]
    public async Task<IActionResult> Add()
    {
        var body = await bodies.ReadAsync(Request, Aborted);
        var record = await sender.Send(new AddPushTokenCommand(Kind, Caller, PushTokenFields.FromBody(body)), Aborted);
        return answers.Record(record, StatusCodes.Status201Created, $"{Request.PathBase}/{CollectionPath}/{record.Id}");
    }

    /// <summary>Rewrites one of the caller's records.</summary>
    [HttpPut("{id}")]
    [RequestBodyDoc(typeof(PushTokenDoc), Examples.PushTokenBody)]
    [ProducesResponseType<PushTokenResponse>(StatusCodes.Status200OK)]
    [ErrorsDoc(StatusCodes.Status400BadRequest, "id format error", Examples.FieldErrors)]
    [ErrorsDoc(StatusCodes.Status404NotFound, "no data error")]
    [ErrorsDoc(StatusCodes.Status409Conflict, "push_token exist")]
    [ErrorsDoc(StatusCodes.Status413PayloadTooLarge, "body length error")]
    [ErrorsDoc(StatusCodes.Status415UnsupportedMediaType, "content-type error")]
    public async Task<IActionResult> Update()
    {
        var recordId = ParseId(RouteId);
        var body = await bodies.ReadAsync(Request, Aborted);
        return answers.Record(await sender.Send(new UpdatePushTokenCommand(Kind, Caller, recordId, PushTokenFields.FromBody(body)), Aborted), StatusCodes.Status200OK);
    }

    /// <summary>Deletes one of the caller's records.</summary>
    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ErrorsDoc(StatusCodes.Status400BadRequest, "id format error")]
    [ErrorsDoc(StatusCodes.Status404NotFound, "no data error")]
    public async Task<IActionResult> Delete()
    {
        await sender.Send(new DeletePushTokenCommand(Kind, Caller, ParseId(RouteId)), Aborted);
        return NoContent();
    }

    /// <summary>A record id is a positive decimal integer: anything else is <c>id format error</c>.</summary>
    private static long ParseId(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ValidationFailedException(ErrorStrings.IdFormat);
}

/// <summary>Ring (doorbell) push tokens.</summary>
[Route(Path)]
public sealed class RingTokensController(ISender sender, JsonBodyReader bodies, JsonAnswers answers) : PushTokensControllerBase(sender, bodies, answers)
{
    private const string Path = "v1/api/user/token";

    protected override TokenKind Kind => TokenKind.Ring;

    protected override string CollectionPath => Path;
}

/// <summary>Message (notification) push tokens.</summary>
[Route(Path)]
public sealed class MessageTokensController(ISender sender, JsonBodyReader bodies, JsonAnswers answers) : PushTokensControllerBase(sender, bodies, answers)
{
    private const string Path = "v1/api/user/message/token";

    protected override TokenKind Kind => TokenKind.Message;

    protected override string CollectionPath => Path;
}
