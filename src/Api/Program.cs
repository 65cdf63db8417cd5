using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PushTokenService.Api.Errors;
using PushTokenService.Api.Hosting;
using PushTokenService.Api.Http;
using Microsoft.OpenApi;
using PushTokenService.Api.Maintenance;
using PushTokenService.Api.OpenApi;
using PushTokenService.Application;
using PushTokenService.Application.Common.Behaviours;
using PushTokenService.Application.Common.Options;
using PushTokenService.Infrastructure;
using PushTokenService.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<PushTokenOptions>(builder.Configuration.GetSection(PushTokenOptions.Section));
builder.Services.Configure<SessionTokenOptions>(builder.Configuration.GetSection(SessionTokenOptions.Section));
builder.Services.Configure<AdminOptions>(builder.Configuration.GetSection(AdminOptions.Section));
builder.Services.Configure<LimitsOptions>(builder.Configuration.GetSection(LimitsOptions.Section));
builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
var limits = builder.Configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
var rateLimits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();

builder.WebHost.ConfigureKestrel(kestrel => KestrelLimits.Apply(kestrel, limits));
SocketCompletions.PreferInline(builder.Configuration);

// The contract's default address (API.md section 9). Set here, not in appsettings.json, where it would override
// ASPNETCORE_URLS and ASPNETCORE_HTTP_PORTS: configuration files come after the ASPNETCORE_ variables.
if (new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }.All(key => string.IsNullOrEmpty(builder.Configuration[key])))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

// SIGTERM stops accepting and lets in-flight requests finish for this long, inside a container's usual 30 s grace.
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(20));
builder.Services.AddHsts(options =>
{
    options.MaxAge = TimeSpan.FromDays(365);
    options.IncludeSubDomains = true;
});

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddMetricsEndpoint(builder.Configuration);
builder.Services.AddMediator((MediatorOptions options) =>
{
    // Every handler, behaviour, validator and repository is a singleton: a scoped mediator only resolved them all again
    // for each request (DI's ResolveService and its scope dictionary were 6 % of a GET's CPU in the profile).
    options.ServiceLifetime = ServiceLifetime.Singleton;
    options.Assemblies = [typeof(PushTokenService.Application.DependencyInjection)];
    options.PipelineBehaviors = [typeof(ValidationBehaviour<,>)];
});

builder.Services.AddSingleton<JsonBodyReader>();
builder.Services.AddSingleton<JsonAnswers>();
builder.Services.AddContractRateLimits(rateLimits);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddControllers(options =>
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
builder.Services.Configure<ApiBehaviorOptions>(options => options.SuppressModelStateInvalidFilter = true);
builder.Services.AddHostedService<StaleRecordsPurgeJob>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen(options =>
{
    options.SwaggerDoc("v1", new OpenApiInfo
    {
        Title = "PushTokenService",
        Version = "v1",
        Description = "The registry of the doorbell app's ring and message push tokens. Contract: API.md.",
    });
    options.AddSecurityDefinition(ContractOperationFilter.SessionScheme, new OpenApiSecurityScheme
    {
        Type = SecuritySchemeType.ApiKey,
        In = ParameterLocation.Header,
        Name = SessionRequiredAttribute.TokenHeader,
        Description = "The session token from login (Authorization: Bearer is accepted too).",
    });
    options.OperationFilter<ContractOperationFilter>();
    options.AddApiKeySecurity();
    options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "PushTokenService.Api.xml"));
});

var app = builder.Build();

app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    return;
}

if (!app.Environment.IsDevelopment())
{
    // Emitted on HTTPS answers only: phones that once reached the service over TLS never fall back to plain HTTP.
    app.UseHsts();
}

app.UseExceptionHandler();
app.UseStatusCodePages(context => StatusCodeBodies.WriteAsync(context.HttpContext));
// The documentation's middlewares look at every request: keep them off the API's hot path.
app.UseWhen(
    context => context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase),
    swagger => swagger.UseSwagger().UseSwaggerUI());
app.UseRouting();
app.UseRateLimiter();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapControllers();
app.MapMetricsEndpoint();

app.Run();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
