using Microsoft.AspNetCore.Mvc.Filters;
using PushTokenService.Application.Admin.Common;

namespace PushTokenService.Api.Http;

/// <summary>
/// Opens an internal endpoint (API.md section 7) with a configured key in the <c>X-Api-Key</c> header, before the path and
/// the body are looked at. Only that header counts: a session token never opens these endpoints.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ApiKeyRequiredAttribute : Attribute, IAuthorizationFilter
{
    public const string ApiKeyHeader = "X-Api-Key";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<AdminApiKeys>().Verify(http.Request.Headers[ApiKeyHeader]);
    }
}
