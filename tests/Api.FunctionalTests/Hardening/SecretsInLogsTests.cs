using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Api.FunctionalTests.Support;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>
/// API.md section 8: push tokens, os tokens, passwords, session tokens and api keys never appear in the logs in full.
/// Every log entry of every category at Trace level is captured over a full run, errors included.
/// </summary>
public sealed class SecretsInLogsTests
{
    [Test]
    public async Task A_full_run_with_errors_writes_no_secret_to_any_log_at_Trace_level()
    {
        var secrets = new Dictionary<string, string>();
        string Secret(string name, string prefix = "")
        {
            var value = prefix + Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
            secrets[name] = value;
            return value;
        }

        var username = ApiClient.NewUsername();
        var password = Secret("password");
        var wrongPassword = Secret("wrong password");
        var apiKey = Secret("api key");
        var wrongApiKey = Secret("wrong api key");
        using var factory = new PushTokenApiFactory(new Dictionary<string, string?> { ["Admin:ApiKeys:0"] = apiKey }, services: FaultInjectingPushTokenRepository.Register)
        {
            ConnectionOptions = ";Default Timeout=1",
        };
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        async Task<System.Text.Json.Nodes.JsonNode?> Call(HttpMethod method, string path, string? json, string? token, bool bearer = false)
        {
            using var request = ApiClient.Json(method, path, json, bearer ? null : token);
            if (bearer)
            {
                request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
            }

            request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
            var (status, body) = await client.CallAsync(request);
            statuses.Add(status);
            return body;
        }

        await Call(HttpMethod.Post, "/v1/api/user/register", $$"""{"username":"{{username}}","password":"{{password}}"}""", null);
        await Call(HttpMethod.Post, "/v1/api/user/login", $$"""{"username":"{{username}}","password":"{{wrongPassword}}"}""", null);
        await Call(HttpMethod.Post, "/v1/api/user/login", $$"""{"username":"nobody{{username}}","password":"{{wrongPassword}}"}""", null);
        var login = (await Call(HttpMethod.Post, "/v1/api/user/login", $$"""{"username":"{{username}}","password":"{{password}}"}""", null))!;
        var session = login["token"]!.GetValue<string>();
        var userId = login["id"]!.GetValue<long>();
        secrets["session token"] = session;

        var record = Fields(Secret("push token"), Secret("os token"));
        var id = (await Call(HttpMethod.Post, ApiClient.RingPath, record, session))!["id"]!.GetValue<long>();
        await Call(HttpMethod.Post, ApiClient.RingPath, record, session);
        await Call(HttpMethod.Put, $"{ApiClient.RingPath}/{id}", Fields(Secret("new push token"), Secret("new os token")), session, bearer: true);
        await Call(HttpMethod.Get, ApiClient.RingPath, null, session);
        await Call(HttpMethod.Post, ApiClient.MessagePath, Fields(Secret("message push token"), Secret("message os token")), session);
        await Call(HttpMethod.Post, ApiClient.MessagePath, Fields(Secret("invalid push token", "bad token "), "x"), session);
        await Call(HttpMethod.Post, ApiClient.MessagePath, $$"""{"push_token":"{{Secret("unparsable push token")}}",""", session);
        await Call(HttpMethod.Get, ApiClient.RingPath, null, Secret("unknown session token"));
        await Call(HttpMethod.Delete, $"{ApiClient.RingPath}/{id}", null, session);
        await Call(HttpMethod.Get, $"/v1/api/admin/users/{userId}/tokens", null, null);
        await Call(HttpMethod.Post, "/v1/api/admin/tokens/lookup", $$"""{"kind":"message","user_ids":[{{userId}}]}""", null);
        await Call(HttpMethod.Post, "/v1/api/admin/tokens/invalidate", $$"""{"kind":"message","push_token":"{{secrets["message push token"]}}"}""", null);
        await Call(HttpMethod.Get, "/v1/api/admin/stats", null, null);
        using (var wrongKey = ApiClient.Json(HttpMethod.Get, "/v1/api/admin/stats", null))
        {
            wrongKey.Headers.TryAddWithoutValidation("X-Api-Key", wrongApiKey);
            statuses.Add((await client.CallAsync(wrongKey)).Status);
        }

        using (factory.HoldWriteLock())
        {
            await Call(HttpMethod.Post, ApiClient.RingPath, Fields(Secret("push token refused while locked"), Secret("os token refused while locked")), session);
        }

        var faults = factory.Services.GetRequiredService<FaultInjectingPushTokenRepository>();
        faults.Fail = true;
        await Call(HttpMethod.Post, ApiClient.RingPath, Fields(Secret("push token of a failed request"), Secret("os token of a failed request")), session);
        faults.Fail = false;
        await Call(HttpMethod.Post, "/v1/api/user/logout", null, session);
        await Call(HttpMethod.Get, ApiClient.RingPath, null, session);

        var logs = factory.Logs.AllText;
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[]
            {
                HttpStatusCode.Created, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK,
                HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created,
                HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.NoContent,
                HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized,
                HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError, HttpStatusCode.NoContent, HttpStatusCode.Unauthorized,
            }), "the run went through every path it means to");
            Assert.That(factory.Logs.Entries.Select(entry => entry.Level), Has.Some.EqualTo(Microsoft.Extensions.Logging.LogLevel.Trace), "Trace is captured");
            Assert.That(factory.Logs.Entries.Select(entry => entry.Level), Has.Some.EqualTo(Microsoft.Extensions.Logging.LogLevel.Error), "errors are captured");
            foreach (var (name, value) in secrets)
            {
                Assert.That(logs, Does.Not.Contain(value), $"the {name} is in the logs");
                Assert.That(logs, Does.Not.Contain(value[..(value.Length / 2)]), $"the first half of the {name} is in the logs");
            }
        });
    }

    private static string Fields(string pushToken, string osToken) =>
        $$"""{"push_token":"{{pushToken}}","language":"en","os_token":"{{osToken}}","push_platform":"fcm"}""";
}
