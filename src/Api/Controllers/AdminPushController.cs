using Mediator;
using Microsoft.AspNetCore.Mvc;
using PushTokenService.Api.Http;
using PushTokenService.Api.OpenApi;
using PushTokenService.Application.Delivery.Commands.SendPush;

namespace PushTokenService.Api.Controllers;

/// <summary>Sending (API.md section 10.2): one push to every phone of the listed users, over each record's channel.</summary>
[ApiController]
[ApiKeyRequired]
[Route("v1/api/admin/push")]
[Produces("application/json")]
[ErrorsDoc(StatusCodes.Status401Unauthorized, "no api key", "invalid api key")]
[ErrorsDoc(StatusCodes.Status500InternalServerError, "database error", "paramer error")]
[ErrorsDoc(StatusCodes.Status503ServiceUnavailable, "database error")]
public sealed class AdminPushController(ISender sender, JsonBodyReader bodies) : ControllerBase
{
    [HttpPost]
    [EndpointSummary("Sends one push to every record of one kind of up to 1000 users")]
    [EndpointDescription("""
        Body {"kind":"ring"|"message","user_ids":[...]} with optional "title" (at most 128 characters), "body" (at most 1024),
        "data" (an object of at most 32 string values, keys of 1 to 64 characters, none of aps, push_id, sent_at, kind, title,
        body), "ttl_seconds" (0 to 2419200; default 30 for ring, 86400 for message), "collapse_id" (1 to 64 characters),
        "bundleid" (only that app's records) and "dry_run" (resolve targets and channels, contact no provider).
        Each record goes to its channel (apns, fcm, hms; xiaomi, oppo, vivo, honor and meizu are unsupported), all at once,
        within Push:DeadlineSeconds. Answer {"push_id","targets","sent","invalidated","failed","not_configured","unsupported",
        "results":[{"token_id","user_id","channel","outcome","provider_id"?,"reason"?}]}, ascending token_id; outcomes sent,
        invalidated (the provider said the token is dead and the record was deleted), failed (reason: the provider's, or
        deadline, unreachable), not_configured, unsupported, dry_run.
        400 `undefined kind`, `kind format error`, `kind error`, `undefined user_ids`, `user_ids format error`,
        `user_ids length error`, `user_ids error`, `title format error`, `title length error`, `body format error`,
        `body length error`, `data format error`, `data length error` (also: title, body and data over 3500 bytes of UTF-8),
        `data error`, `ttl_seconds format error`, `ttl_seconds error`, `collapse_id format error`, `collapse_id length error`,
        `bundleid format error`, `bundleid length error`, `bundleid error`, `dry_run format error`.
        """)]
    [RequestBodyDoc(typeof(SendPushDoc), Examples.SendPushBody)]
    [ProducesResponseType<SendPushResponse>(StatusCodes.Status200OK)]
    [ErrorsDoc(StatusCodes.Status400BadRequest, Examples.SendPushErrors)]
    [ErrorsDoc(StatusCodes.Status413PayloadTooLarge, "body length error")]
    [ErrorsDoc(StatusCodes.Status415UnsupportedMediaType, "content-type error")]
    public async Task<IActionResult> Send(CancellationToken cancellationToken)
    {
        var body = await bodies.ReadAsync(Request, cancellationToken);
        return Ok(await sender.Send(SendPushCommand.FromBody(body), cancellationToken));
    }
}
