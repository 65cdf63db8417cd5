using Microsoft.AspNetCore.Authentication;

namespace PushTokenService.Api.Authentication;

/// <summary>
/// The two ways into the API, each an authentication scheme and the authorization policy of the same name: a user's
/// session token (API.md section 1) and an app backend's api key (section 7). A policy authenticates with its own scheme
/// only, so a session token never opens an api-key endpoint and an api key never opens a user endpoint.
/// </summary>
/// <remarks>
/// The framework's handlers log every failed authentication at Information; appsettings.json sets this namespace to
/// Warning, as it does Microsoft.AspNetCore, so that a 401 writes no log line.
/// </remarks>
public static class ApiAuthentication
{
    /// <summary>The session token of the <c>token</c> header or <c>Authorization: Bearer</c>: <c>[Authorize(ApiAuthentication.Session)]</c>.</summary>
    public const string Session = "session";

    /// <summary>A configured key in <c>X-Api-Key</c>: <c>[Authorize(ApiAuthentication.ApiKey)]</c>.</summary>
    public const string ApiKey = "ApiKey";

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        // No default scheme: a request is authenticated only by the policy of the endpoint it reaches, after routing.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, SessionTokenAuthenticationHandler>(Session, configureOptions: null)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKey, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Session, policy => policy.AddAuthenticationSchemes(Session).RequireAuthenticatedUser())
            .AddPolicy(ApiKey, policy => policy.AddAuthenticationSchemes(ApiKey).RequireAuthenticatedUser());
        return services;
    }
}
