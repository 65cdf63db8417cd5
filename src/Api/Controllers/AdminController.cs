using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PushTokenService.Api.Authentication;
using PushTokenService.Api.Json;
using PushTokenService.Api.OpenApi;
using PushTokenService.Application.Admin.Commands.InvalidatePushTokens;
using PushTokenService.Application.Admin.Commands.RevokeUserSessions;
using PushTokenService.Application.Admin.Queries.GetRegistryStats;
using PushTokenService.Application.Admin.Queries.GetUserPushTokens;
using PushTokenService.Application.Admin.Queries.LookupPushTokens;
using PushTokenService.Application.Common;
using PushTokenService.Application.Common.Exceptions;

namespace PushTokenService.Api.Controllers;

/// <summary>The internal API for push senders and support tools (API.md section 7): HTTP in, a mediator message out.</summary>
[ApiController]
[Authorize(ApiAuthentication.ApiKey)]
[Route("v1/api/admin")]
[Produces("application/json")]
[ErrorsDoc(StatusCodes.Status401Unauthorized, "no api key", "invalid api key")]
[ErrorsDoc(StatusCodes.Status500InternalServerError, "database error", "paramer error")]
[ErrorsDoc(StatusCodes.Status503ServiceUnavailable, "database error")]
public sealed class AdminController(ISender sender, JsonBodyReader bodies) : ControllerBase
{
    [HttpGet("users/{user_id}/tokens")]
    [EndpointSummary("Every record of one user, both kinds")]
    [EndpointDescription("""{"ring":[records],"message":[records]}, each ascending id; both empty for an unknown user. 400 `user_id format error`.""")]
    [ProducesResponseType<UserPushTokensResponse>(StatusCodes.Status200OK)]
    [ErrorsDoc(StatusCodes.Status400BadRequest, "user_id format error")]
    public async Task<IActionResult> GetUserTokens([FromRoute(Name = "user_id")] string userId, CancellationToken cancellationToken) =>
        Ok(await sender.Send(new GetUserPushTokensQuery(ParseUserId(userId)), cancellationToken));

    [HttpPost("tokens/lookup")]
    [EndpointSummary("The records of one kind of up to 1000 users, in one call")]
    [EndpointDescription("""
        Body {"kind":"ring"|"message","user_ids":[1,2,3]}; answer {"tokens":[records with "user_id"]} by user_id then id.
        400 `undefined kind`, `kind format error`, `kind error`, `undefined user_ids`, `user_ids format error`,
        `user_ids length error` (0 or more than 1000 ids), `user_ids error` (an id below 1).
        """)]
    [RequestBodyDoc(typeof(LookupDoc), Examples.LookupBody)]
    [ProducesResponseType<LookupPushTokensResponse>(StatusCodes.Status200OK)]
    [ErrorsDoc(StatusCodes.Status400BadRequest, Examples.LookupErrors)]
    [ErrorsDoc(StatusCodes.Status413PayloadTooLarge, "body length error")]
    [ErrorsDoc(StatusCodes.Status415UnsupportedMediaType, "content-type error")]
    public async Task<IActionResult> Lookup(CancellationToken cancellationToken)
    {
        var body = await bodies.ReadAsync(Request, cancellationToken);
        return Ok(await sender.Send(LookupPushTokensQuery.FromBody(body), cancellationToken));
    }

    [HttpPost("tokens/invalidate")]
    [EndpointSummary("Deletes the records of a token a push service reported dead (idempotent)")]
    [EndpointDescription("""
        Body {"kind","push_token"} or {"kind","os_token"} (both: a record must hold both), optional "bundleid" and "dev"
        (only that app or environment) and "invalid_since" (ISO 8601: records updated after it are kept). Answer {"deleted":n}.
        400 `undefined kind`, `kind format error`, `kind error`, `undefined push_token`, the section 3 errors of push_token,
        os_token, bundleid and dev, `invalid_since format error` (not a string), `invalid_since error` (not ISO 8601).
        """)]
    [RequestBodyDoc(typeof(InvalidateDoc), Examples.InvalidateBody)]
    [ProducesResponseType<InvalidatedPushTokensResponse>(StatusCodes.Status200OK)]
    [ErrorsDoc(StatusCodes.Status400BadRequest, Examples.InvalidateErrors)]
    [ErrorsDoc(StatusCodes.Status413PayloadTooLarge, "body length error")]
    [ErrorsDoc(StatusCodes.Status415UnsupportedMediaType, "content-type error")]
    public async Task<IActionResult> Invalidate(CancellationToken cancellationToken)
    {
        var body = await bodies.ReadAsync(Request, cancellationToken);
        return Ok(await sender.Send(InvalidatePushTokensCommand.FromBody(body), cancellationToken));
    }

    [HttpDelete("users/{user_id}/sessions")]
    [EndpointSummary("Ends every session of one user; the user's push tokens stay")]
    [EndpointDescription("""{"revoked":n}; the user's session tokens then answer 401 `invalid token`. 400 `user_id format error`.""")]
    [ProducesResponseType<RevokedSessionsResponse>(StatusCodes.Status200OK)]
    [ErrorsDoc(StatusCodes.Status400BadRequest, "user_id format error")]
    public async Task<IActionResult> RevokeSessions([FromRoute(Name = "user_id")] string userId, CancellationToken cancellationToken) =>
        Ok(await sender.Send(new RevokeUserSessionsCommand(ParseUserId(userId)), cancellationToken));

    [HttpGet("stats")]
    [EndpointSummary("Counts of users, live sessions and records")]
    [EndpointDescription("""
        {"users":n,"live_sessions":n,"records":{"ring":n,"message":n},
        "push_platforms":{"ring":{"HUAWEI":n,"none":n},"message":{...}},"bundleids":{"ring":{"com.lancens.app":n},"message":{...}},
        "dev":{"ring":{"0":n,"1":n},"message":{...}}}. Breakdowns list only values that occur; "none" counts records without push_platform.
        """)]
    [ProducesResponseType<RegistryStatsResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Stats(CancellationToken cancellationToken) =>
        Ok(await sender.Send(new GetRegistryStatsQuery(), cancellationToken));

    /// <summary>A user id is a positive decimal integer: anything else is <c>user_id format error</c>.</summary>
    private static long ParseUserId(string userId) =>
        long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ValidationFailedException(ErrorStrings.Format("user_id"));
}
