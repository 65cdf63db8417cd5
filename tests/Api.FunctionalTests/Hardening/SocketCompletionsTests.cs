using Microsoft.Extensions.Configuration;
using PushTokenService.Api.Hosting;

namespace PushTokenService.Api.FunctionalTests.Hardening;

/// <summary>
/// Inline socket completions are asked for on SQLite only, and never over a value the environment already has: on SQL
/// Server, code awaiting the database's own sockets would resume on the runtime's event thread.
/// </summary>
[NonParallelizable]
public sealed class SocketCompletionsTests
{
    private string? _before;

    [SetUp]
    public void Remember()
    {
        _before = Environment.GetEnvironmentVariable(SocketCompletions.Variable);
        Environment.SetEnvironmentVariable(SocketCompletions.Variable, null);
    }

    [TearDown]
    public void Restore() => Environment.SetEnvironmentVariable(SocketCompletions.Variable, _before);

    [TestCase(null, ExpectedResult = "1")]
    [TestCase("Sqlite", ExpectedResult = "1")]
    [TestCase("sqlite", ExpectedResult = "1")]
    [TestCase("SqlServer", ExpectedResult = null)]
    public string? SetOnSqliteOnly(string? provider)
    {
        SocketCompletions.PreferInline(Configuration(provider));
        return Environment.GetEnvironmentVariable(SocketCompletions.Variable);
    }

    [TestCase("0")]
    [TestCase("1")]
    public void LeavesAValueTheEnvironmentHas(string value)
    {
        Environment.SetEnvironmentVariable(SocketCompletions.Variable, value);

        SocketCompletions.PreferInline(Configuration("Sqlite"));

        Assert.That(Environment.GetEnvironmentVariable(SocketCompletions.Variable), Is.EqualTo(value));
    }

    private static IConfiguration Configuration(string? provider) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider }).Build();
}
