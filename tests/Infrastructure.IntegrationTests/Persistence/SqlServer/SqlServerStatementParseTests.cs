using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Infrastructure.Persistence.Repositories;
using PushTokenService.Infrastructure.Persistence.SqlServer;
using PushTokenService.Infrastructure.Persistence.Sqlite;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.SqlServer;

/// <summary>
/// Every statement SQL Server is sent parses as T-SQL (SQL Server 2022), without a server: the SQL Server dialect,
/// the shared SQL (the string constants of the repositories), the string constants of Persistence.SqlServer and
/// every embedded Migrations/SqlServer script.
/// </summary>
[Category("TSql")]
public sealed class SqlServerStatementParseTests
{
    private static readonly Assembly Infrastructure = typeof(ISqlDialect).Assembly;

    public static IEnumerable<TestCaseData> Statements() =>
        DialectStatements().Concat(SharedStatements()).Concat(SqlServerConstants()).Concat(MigrationScripts())
            .Select(statement => new TestCaseData(statement.Sql).SetName($"{statement.Source} parses as T-SQL"));

    [TestCaseSource(nameof(Statements))]
    public void Statement_parses_as_tsql(string sql) => Assert.That(ParseErrors(sql), Is.Empty);

    [Test]
    public void Every_repository_and_every_migration_script_is_checked()
    {
        var sources = SharedStatements().Concat(MigrationScripts()).Select(s => s.Source.Split('.')[0]).ToHashSet();

        Assert.That(sources, Is.SupersetOf(new[]
        {
            nameof(PushTokenRepository), nameof(UserRepository), nameof(SessionRepository), nameof(AdminTokenRepository),
            "Migrations/SqlServer/0001_initial_schema", "Migrations/SqlServer/0002_push_token_index",
            "Migrations/SqlServer/0003_fewer_push_token_indexes",
        }));
    }

    [Test]
    public void The_fullest_invalidation_parses_as_tsql()
    {
        var everyFilter = new PushTokenInvalidation(
            TokenKind.Ring, "token", "os-token", "com.lancens.app", 1, DateTimeOffset.UnixEpoch);

        Assert.That(ParseErrors(AdminTokenRepository.InvalidationStatement(everyFilter)), Is.Empty);
    }

    [Test]
    public void A_malformed_statement_fails_to_parse() =>
        Assert.That(ParseErrors("SELEC id FROM push_tokens WHERE kind = @Kind"), Is.Not.Empty);

    [TestCase(nameof(ISqlDialect.InsertUser))]
    [TestCase(nameof(ISqlDialect.InsertSession))]
    [TestCase(nameof(ISqlDialect.InsertPushTokenIfAbsent))]
    [TestCase(nameof(ISqlDialect.EvictBeyondCap))]
    public void The_sqlite_form_of_a_differing_statement_fails_to_parse(string statement)
    {
        var sql = (string)typeof(ISqlDialect).GetProperty(statement)!.GetValue(new SqliteDialect())!;

        Assert.That(ParseErrors(sql), Is.Not.Empty);
    }

    private static IList<ParseError> ParseErrors(string sql)
    {
        // Dapper expands "IN @List" to "IN (@List1, @List2, ...)" before SQL Server sees it.
        sql = System.Text.RegularExpressions.Regex.Replace(sql, @"\bIN @(\w+)", "IN (@$1)");
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors;
    }

    private static IEnumerable<(string Source, string Sql)> DialectStatements() =>
        typeof(ISqlDialect).GetProperties()
            .Select(property => ($"{nameof(SqlServerDialect)}.{property.Name}", (string)property.GetValue(new SqlServerDialect())!));

    private static IEnumerable<(string Source, string Sql)> SharedStatements() =>
        Infrastructure.GetTypes()
            .Where(type => type.Namespace == typeof(ISqlDialect).Namespace && type.Name.EndsWith("Repository", StringComparison.Ordinal))
            .SelectMany(StringConstants);

    private static IEnumerable<(string Source, string Sql)> SqlServerConstants() =>
        Infrastructure.GetTypes().Where(type => type.Namespace == typeof(SqlServerDialect).Namespace).SelectMany(StringConstants);

    private static IEnumerable<(string Source, string Sql)> StringConstants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field is { IsLiteral: true } && field.FieldType == typeof(string))
            .Select(field => ($"{type.Name}.{field.Name}", (string)field.GetRawConstantValue()!));

    private static IEnumerable<(string Source, string Sql)> MigrationScripts() =>
        Infrastructure.GetManifestResourceNames()
            .Where(name => name.Contains(".Migrations.SqlServer.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(Infrastructure.GetManifestResourceStream(name)!);
                var script = name[(name.IndexOf(".Migrations.SqlServer.", StringComparison.Ordinal) + ".Migrations.SqlServer.".Length)..^".sql".Length];
                return ($"Migrations/SqlServer/{script}", reader.ReadToEnd());
            });
}
