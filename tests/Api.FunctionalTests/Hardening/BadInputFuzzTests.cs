using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PushTokenService.Api.FunctionalTests.Support;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Infrastructure.Security;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>
/// API.md sections 1, 4 and 5: bad input never reaches a 5xx. Thousands of random and mutated requests to every user
/// endpoint (a fixed seed: a failure names a request that the next run sends again); every error answer carries a
/// string of section 5 and nothing internal.
/// </summary>
public sealed class BadInputFuzzTests : FunctionalTestBase
{
    private const ulong Seed = 20_240_611;
    private const int Requests = 4_000;
    private const int MaxBodyBytes = 16_384;

    private FuzzTargets _targets = null!;

    [OneTimeSetUp]
    public async Task CreateTargets()
    {
        var (_, token) = await Client.NewSessionAsync();
        var (_, otherToken) = await Client.NewSessionAsync();
        var (_, loggedOut) = await Client.NewSessionAsync();
        (await Client.SendJsonAsync(HttpMethod.Post, "/v1/api/user/logout", null, loggedOut)).Status.AssertIs(HttpStatusCode.NoContent);
        var spare = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            spare.Add((await Client.NewSessionAsync()).Token);
        }

        _targets = new FuzzTargets(
            token, otherToken, loggedOut, spare,
            [await AddRecordAsync(ApiClient.RingPath, token), await AddRecordAsync(ApiClient.MessagePath, token)],
            [await AddRecordAsync(ApiClient.RingPath, otherToken), await AddRecordAsync(ApiClient.MessagePath, otherToken)],
            MaxBodyBytes);
    }

    protected override PushTokenApiFactory CreateOwnHost() => new(
        new Dictionary<string, string?>
        {
            // On, and high: the per-session limiter sees every odd token the corpus sends.
            ["RateLimits:RequestsPerSessionPerMinute"] = "10000000",
            ["Limits:MaxBodyBytes"] = $"{MaxBodyBytes}",
        },
        // Bad input is the subject here, not password cost: a cheap hash keeps thousands of logins fast.
        services: services => services.AddSingleton<IPasswordHasher>(new IdentityPasswordHasher(iterationCount: 1_000)));

    [Test]
    public async Task Random_and_mutated_requests_to_every_user_endpoint_never_answer_5xx_and_errors_are_contract_strings()
    {
        var corpus = FuzzCorpus.Generate(_targets, Seed, Requests);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        foreach (var request in corpus)
        {
            var (status, problem) = await SendAsync(request);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (problem is not null)
            {
                failures.Add($"{status} {problem}: {request}");
            }
        }

        await TestContext.Out.WriteLineAsync($"{corpus.Count} requests: " + string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}")));
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(10)) + "\nlogged: " + string.Join("\n", LoggedErrors().Take(3)));
            Assert.That(statuses.Keys, Has.None.GreaterThanOrEqualTo(500));
            Assert.That(statuses.Where(s => s.Key >= 400).Sum(s => s.Value), Is.GreaterThan(Requests / 2), "the corpus is mostly bad input");
            Assert.That(Factory.Logs.AllText, Does.Not.Contain(ApiClient.Password).And.Not.Contain(_targets.Token), "bad input drags no secret into the logs");
        });
    }

    [Test]
    public async Task Form_encoded_body_with_malformed_keys_answers_415_not_500()
    {
        foreach (var path in new[] { "/v1/api/user/login", ApiClient.RingPath + "?a[=1" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new StringContent("[[[[a=1&b]=2", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            request.Headers.Add("token", _targets.Token);
            using var response = await Client.SendAsync(request);
            var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync());
            Assert.That((response.StatusCode, body.Error()), Is.EqualTo((HttpStatusCode.UnsupportedMediaType, "content-type error")), path);
        }
    }

    private IEnumerable<string> LoggedErrors() =>
        Factory.Logs.Entries.Where(entry => entry.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(entry => entry.Everything);

    /// <summary>Sends one request: its status, and what is wrong with the answer, if anything.</summary>
    private async Task<(int Status, string? Problem)> SendAsync(FuzzRequest fuzz)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), fuzz.Path);
        if (fuzz.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
            }
        }

        if (fuzz.Token is not null)
        {
            request.Headers.TryAddWithoutValidation("token", fuzz.Token);
        }

        if (fuzz.Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", fuzz.Authorization);
        }

        foreach (var (name, value) in fuzz.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        return (status, Problem(fuzz.Method, status, text, response));
    }

    private static string? Problem(string method, int status, string text, HttpResponseMessage response)
    {
        if (status >= 500)
        {
            return $"server error {text}";
        }

        if (status < 400 || method == "HEAD")
        {
            return null;
        }

        if (ContractErrors.Internals.FirstOrDefault(text.Contains) is { } leak)
        {
            return $"internal detail '{leak}' in {text}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"content type {response.Content.Headers.ContentType}";
        }

        try
        {
            using var body = JsonDocument.Parse(text);
            var error = body.RootElement.TryGetProperty("error", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return ContractErrors.IsContractError(error) ? null : $"error '{error}' is not a contract string";
        }
        catch (JsonException)
        {
            return $"not JSON: {text}";
        }
    }

    private async Task<long> AddRecordAsync(string path, string token)
    {
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, path, $$"""{"push_token":"seed{{Guid.NewGuid():N}}","language":"en"}""", token);
        status.AssertIs(HttpStatusCode.Created);
        return body!["id"]!.GetValue<long>();
    }
}

internal static class StatusAssertions
{
    public static void AssertIs(this HttpStatusCode status, HttpStatusCode expected) => Assert.That(status, Is.EqualTo(expected));
}
