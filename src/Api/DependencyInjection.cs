using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PushTokenService.Api.Authentication;
using PushTokenService.Api.Errors;
using PushTokenService.Api.Hosting;
using PushTokenService.Api.Json;
using PushTokenService.Api.OpenApi;
using PushTokenService.Api.RateLimiting;
using PushTokenService.Application.Common.Behaviours;

namespace PushTokenService.Api;

public static class DependencyInjection
{
    /// <summary>The HTTP side: host, validated options, the mediator, authentication, rate limits, errors, controllers, health, OpenAPI.</summary>
    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder)
    {
        builder.ConfigureApiHost();
        var services = builder.Services;
        services.AddValidatedOptions();

        // The mediator's lifetime matches what it resolves: every handler, behaviour, validator and repository is a
        // singleton, so a scoped mediator would only resolve them all again for each request.
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Singleton;
            options.Assemblies = [typeof(PushTokenService.Application.DependencyInjection)];
            options.PipelineBehaviors = [typeof(ValidationBehaviour<,>)];
        });

        services.AddSingleton<JsonBodyReader>();
        services.AddSingleton<JsonAnswers>();
        services.AddApiAuthentication();
        services.AddContractRateLimits();
        // Registered before the framework's writer, so that the problem-details service picks it for every error.
        services.AddSingleton<IProblemDetailsWriter, ContractProblemWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddControllers(options =>
            {
                // Bodies are read as JSON by hand (JsonBodyReader) and ids come from the route: MVC's form and query-string
                // value providers would only parse input nobody asked for, and throw on malformed form or jQuery-style keys.
                options.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<QueryStringValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
            })
            .AddJsonOptions(options => options.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.Configure<ApiBehaviorOptions>(options => options.SuppressModelStateInvalidFilter = true);
        services.AddHostedService<StaleRecordsPurgeJob>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddMetricsEndpoint(builder.Configuration);
        services.AddOpenApiDocument();
        return builder;
    }
}
