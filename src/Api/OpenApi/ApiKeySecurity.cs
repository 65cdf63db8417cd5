using Microsoft.OpenApi;
using PushTokenService.Api.Http;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PushTokenService.Api.OpenApi;

/// <summary>Describes the <c>X-Api-Key</c> header of the internal API in the OpenAPI document.</summary>
public static class ApiKeySecurity
{
    public const string SchemeId = "ApiKey";

    public static void AddApiKeySecurity(this SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(SchemeId, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyRequiredAttribute.ApiKeyHeader,
            Description = "One of the keys configured under Admin:ApiKeys. Missing: 401 `no api key`; wrong: 401 `invalid api key`.",
        });
        options.OperationFilter<ApiKeyOperationFilter>();
    }

    /// <summary>Puts the api-key requirement on the operations of <see cref="ApiKeyRequiredAttribute"/> endpoints only.</summary>
    private sealed class ApiKeyOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ApiKeyRequiredAttribute>().Any())
            {
                return;
            }

            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] });
        }
    }
}
