using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PushTokenService.Api;
using PushTokenService.Api.Errors;
using PushTokenService.Api.Hosting;
using PushTokenService.Application;
using PushTokenService.Infrastructure;
using PushTokenService.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.AddApiServices();

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
// Before authentication: a client over its limit is turned away without a session lookup.
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapControllers();
app.MapMetricsEndpoint();

app.Run();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
