using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OpenApi;
using PushTokenService.Api.Authentication;

namespace PushTokenService.Api.OpenApi;

/// <summary>The OpenAPI document at <c>/swagger/v1/swagger.json</c> and its UI (API.md section 8).</summary>
public static class OpenApiDocument
{
    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "PushTokenService",
                Version = "v1",
                Description = "The registry of the doorbell app's ring and message push tokens. Contract: API.md.",
            });
            options.AddSecurityDefinition(ApiAuthentication.Session, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = SessionTokenHeader.Name,
                Description = "The session token from login (Authorization: Bearer is accepted too).",
            });
            options.AddSecurityDefinition(ApiAuthentication.ApiKey, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "One of the keys configured under Admin:ApiKeys. Missing: 401 `no api key`; wrong: 401 `invalid api key`.",
            });
            options.CustomOperationIds(api => api.ActionDescriptor is ControllerActionDescriptor action ? $"{action.ControllerName}_{action.ActionName}" : null);
            options.OperationFilter<SecurityOperationFilter>();
            options.OperationFilter<ContractOperationFilter>();
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "PushTokenService.Api.xml"));
        });

        // The document names the address it was read from, so that a client generated from it calls this service.
        services.ConfigureSwagger(options => options.PreSerializeFilters.Add((document, request) =>
            document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host.Value}{request.PathBase}" }]));
        return services;
    }
}
