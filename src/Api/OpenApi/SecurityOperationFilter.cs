using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PushTokenService.Api.OpenApi;

/// <summary>
/// Puts on each operation the scheme its <c>[Authorize]</c> policy names (the policies are named after their schemes),
/// and an empty requirement list on the operations that need none (register, login).
/// </summary>
public sealed class SecurityOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var policies = context.ApiDescription.ActionDescriptor.EndpointMetadata
            .OfType<AuthorizeAttribute>()
            .Select(authorize => authorize.Policy)
            .OfType<string>()
            .Distinct();
        operation.Security = policies
            .Select(policy => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(policy, context.Document)] = [] })
            .ToList();
    }
}
