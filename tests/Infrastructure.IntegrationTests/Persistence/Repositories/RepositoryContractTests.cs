using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PushTokenService.Application.Common.Exceptions;
using PushTokenService.Application.Common.Interfaces;
using PushTokenService.Domain.PushTokens;
using PushTokenService.Infrastructure.IntegrationTests.Support;
using PushTokenService.Infrastructure.Persistence;
using PushTokenService.Infrastructure.Persistence.Errors;

namespace PushTokenService.Infrastructure.IntegrationTests.Persistence.Repositories;

/// <summary>
/// The repository contract, the same tests for every provider: each concrete fixture gives every test a new, empty
/// database of its provider, and the repositories come from <c>AddInfrastructure</c> with the contract's configuration keys.
/// </summary>
public abstract class RepositoryContractTests
{
    private const int Cap = 20;
    private const string BundleId = "com.lancens.app";

    private ServiceProvider? _services;
    private LogCapture _log = new();
    private FakeTimeProvider _clock = new();

    private IUserRepository Users => _services!.GetRequiredService<IUserRepository>();

    private ISessionRepository Sessions => _services!.GetRequiredService<ISessionRepository>();

    private IPushTokenRepository PushTokens => _services!.GetRequiredService<IPushTokenRepository>();

    private DatabaseMigrator Migrator => _services!.GetRequiredService<DatabaseMigrator>();

    [SetUp]
    public async Task StartOnAnEmptyMigratedDatabase()
    {
        var database = await CreateDatabaseAsync();
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["Database:ConnectionString"] = database.ConnectionString,
            })
            .Build();
        _log = new LogCapture();
        _services = new ServiceCollection().AddLogging(logging => logging.AddProvider(_log.Provider())).AddInfrastructure(configuration).BuildServiceProvider();
        Migrator.Migrate();
    }

    [TearDown]
    public async Task DropDatabase()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
            _services = null;
        }

        DeleteDatabase();
    }

    /// <summary>A new, empty database for one test; <c>Assert.Ignore</c> when the provider cannot run here.</summary>
    protected abstract Task<DatabaseOptions> CreateDatabaseAsync();

    protected abstract void DeleteDatabase();

    [Test]
    public async Task Added_records_are_listed_in_ascending_id_with_every_field()
    {
        var (user, session) = await NewUserAsync("lister");
        var values = new PushTokenValues("apns-A1b2", "zh-CN", 1, "com.lancens.other", "Xiaomi 14", "xm:Os-Token", "XIAOMI");
        var first = Created(await AddAsync(user, session, TokenKind.Ring, values));
        var second = Created(await AddAsync(user, session, TokenKind.Ring, Values("apns-second")));
        var message = Created(await AddAsync(user, session, TokenKind.Message, Values("apns-message")));

        var ring = await PushTokens.ListAsync(user, TokenKind.Ring, CancellationToken.None);

        Assert.That(ring.Select(r => r.Id), Is.EqualTo(new[] { first.Id, second.Id }).And.Ordered);
        Assert.That(ring[0], Is.EqualTo(first));
        Assert.That(ring[0].CreatedAt, Is.EqualTo(first.UpdatedAt));
        Assert.That((await PushTokens.ListAsync(user, TokenKind.Message, CancellationToken.None)).Single(), Is.EqualTo(message));
    }

    [Test]
    public async Task Push_tokens_differing_only_in_case_bundle_or_kind_are_different_records()
    {
        var (user, session) = await NewUserAsync("casesensitive");

        await AddAsync(user, session, TokenKind.Ring, Values("AbCdEf"));
        var outcomes = new[]
        {
            await AddAsync(user, session, TokenKind.Ring, Values("abcdef")),
            await AddAsync(user, session, TokenKind.Ring, Values("ABCDEF")),
            await AddAsync(user, session, TokenKind.Ring, Values("AbCdEf") with { BundleId = "com.lancens.Other" }),
            await AddAsync(user, session, TokenKind.Message, Values("AbCdEf")),
        };

        Assert.That(outcomes, Is.All.InstanceOf<AddPushTokenOutcome.Created>());
        Assert.That(await PushTokens.ListAsync(user, TokenKind.Ring, CancellationToken.None), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Add_of_a_token_the_caller_holds_refreshes_updated_at_and_session()
    {
        var (user, firstSession) = await NewUserAsync("refresher");
        var secondSession = await NewSessionAsync(user);
        var created = Created(await AddAsync(user, firstSession, TokenKind.Ring, Values("held-token")));
        _clock.Advance(TimeSpan.FromMinutes(5));

        var outcome = await AddAsync(user, secondSession, TokenKind.Ring, Values("held-token"));

        Assert.That(outcome, Is.EqualTo(new AddPushTokenOutcome.AlreadyHeld(created.Id)));
        var record = (await PushTokens.ListAsync(user, TokenKind.Ring, CancellationToken.None)).Single();
        Assert.That(record.UpdatedAt, Is.EqualTo(_clock.GetUtcNow()));
        Assert.That(record.CreatedAt, Is.EqualTo(created.CreatedAt));

        await Sessions.RevokeAsync(firstSession, CancellationToken.None);
        Assert.That(await PushTokens.ListAsync(user, TokenKind.Ring, CancellationToken.None), Has.Count.EqualTo(1), "now written through the second session");
        await Sessions.RevokeAsync(secondSession, CancellationToken.None);
        Assert.That(await PushTokens.ListAsync(user, TokenKind.Ring, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Add_of_a_token_held_by_another_user_moves_it()
    {
        var (previous, previousSession) = await NewUserAsync("previousowner");
        var (caller, callerSession) = await NewUserAsync("newowner");
        Created(await AddAsync(previous, previousSession, TokenKind.Ring, Values("moving-token")));
        Assert.That(await PushTokens.ListAsync(previous, TokenKind.Ring, CancellationToken.None), Has.Count.EqualTo(1), "a list kept before the move");

        var outcome = await AddAsync(caller, callerSession, TokenKind.Ring, Values("moving-token"));

        var moved = Created(outcome);
        Assert.That(((AddPushTokenOutcome.Created)outcome).MovedFromUserId, Is.EqualTo(previous));
        Assert.That(await PushTokens.ListAsync(previous, TokenKind.Ring, CancellationToken.None), Is.Empty);
        Assert.That((await PushTokens.ListAsync(caller, TokenKind.Ring, CancellationToken.None)).Single(), Is.EqualTo(moved));
    }

    [Test]
    public async Task Add_beyond_the_cap_evicts_the_least_recently_updated_record_of_that_kind()
    {
        var (user, session) = await NewUserAsync("capped");
        var oldest = Created(await AddAsync(user, session, TokenKind.Ring, Values("token-0"), maxPerKind: 3));
        for (var i = 1; i < 3; i++)
        {
            await AddAsync(user, session, TokenKind.Ring, Values($"token-{i}"), maxPerKind: 3);
        }

        var message = Created(await AddAsync(user, session, TokenKind.Message, Values("message-token"), maxPerKind: 3));
        await AddAsync(user, session, TokenKind.Ring, Values("token-0"), maxPerKind: 3);
        await AddAsync(user, session, TokenKind.Ring, Values("token-3"), maxPerKind: 3);

        var ring = await PushTokens.ListAsync(user, TokenKind.Ring, CancellationToken.None);
        Assert.That(ring.Select(r => r.PushToken), Is.EquivalentTo(new[] { "token-0", "token-2", "token-3" }), "token-1 was the least recently updated");
        Assert.That(ring.Select(r => r.Id), Does.Contain(oldest.Id));
        Assert.That((await PushTokens.ListAsync(user, TokenKind.Message, CancellationToken.None)).Single(), Is.EqualTo(message));
    }

    [Test]
    public async Task Update_of_an_unknown_id_another_users_record_or_the_other_kind_is_not_found()
    {
        var (owner, ownerSession) = await NewUserAsync("updateowner");
        var (stranger, strangerSession) = await NewUserAsync("updatestranger");
        var record = Created(await AddAsync(owner, ownerSession, TokenKind.Ring, Values("update-target")));

        Assert.That(await UpdateAsync(owner, ownerSession, TokenKind.Ring, record.Id + 1000, Values("x")), Is.InstanceOf<UpdatePushTokenOutcome.NotFound>());
        Assert.That(await UpdateAsync(stranger, strangerSession, TokenKind.Ring, record.Id, Values("x")), Is.InstanceOf<UpdatePushTokenOutcome.NotFound>());
        Assert.That(await UpdateAsync(owner, ownerSession, TokenKind.Message, record.Id, Values("x")), Is.InstanceOf<UpdatePushTokenOutcome.NotFound>());
        Assert.That((await PushTokens.ListAsync(owner, TokenKind.Ring, CancellationToken.None)).Single(), Is.EqualTo(record));
    }

    [Test]
    public async Task Update_rewrites_the_fields_and_refreshes_updated_at()
    {
        var (user, session) = await NewUserAsync("updater");
        var record = Created(await AddAsync(user, session, TokenKind.Message, Values("before")));
        _clock.Advance(TimeSpan.FromHours(1));
        var values = new PushTokenValues("after", "fr", 1, "com.lancens.beta", "HONOR 90", "honor-token", "HONOR");

        var outcome = await UpdateAsync(user, session, TokenKind.Message, record.Id, values);

        var expected = record with
        {
            PushToken = "after", Language = "fr", Dev = 1, BundleId = "com.lancens.beta", Os = "HONOR 90",
            OsToken = "honor-token", PushPlatform = "HONOR", UpdatedAt = _clock.GetUtcNow(),
        };
        Assert.That(outcome, Is.EqualTo(new UpdatePushTokenOutcome.Updated(expected)));
        Assert.That((await PushTokens.ListAsync(user, TokenKind.Message, CancellationToken.None)).Single(), Is.EqualTo(expected));
    }

    [Test]
    public async Task Update_to_a_token_another_record_of_the_caller_holds_is_held_by_other_record()
    {
        var (user, session) = await NewUserAsync("twophones");
        var first = Created(await AddAsync(user, session, TokenKind.Ring, Values("phone-1")));
        var second = Created(await AddAsync(user, session, TokenKind.Ring, Values("phone-2")));

        var outcome = await UpdateAsync(user, session, TokenKind.Ring, second.Id, Values("phone-1"));

        Assert.That(outcome, Is.EqualTo(new UpdatePushTokenOutcome.HeldByOtherRecord(first.Id)));
        Assert.That(await PushTokens.ListAsync(user, TokenKind.Ring, CancellationToken.None), Is.EqualTo(new[] { first, second }));
    }

    [Test]
    public async Task Update_to_a_token_held_by_another_user_moves_it()
    {
        var (previous, previousSession) = await NewUserAsync("updateprevious");
        var (caller, callerSession) = await NewUserAsync("updatecaller");
        Created(await AddAsync(previous, previousSession, TokenKind.Ring, Values("shared-phone")));
        var own = Created(await AddAsync(caller, callerSession, TokenKind.Ring, Values("own-phone")));
        Assert.That(await PushTokens.ListAsync(previous, TokenKind.Ring, CancellationToken.None), Has.Count.EqualTo(1), "a list kept before the move");

        var outcome = await UpdateAsync(caller, callerSession, TokenKind.Ring, own.Id, Values("shared-phone"));

        Assert.That(outcome, Is.InstanceOf<UpdatePushTokenOutcome.Updated>());
        Assert.That(((UpdatePushTokenOutcome.Updated)outcome).MovedFromUserId, Is.EqualTo(previous));
        Assert.That(await PushTokens.ListAsync(previous, TokenKind.Ring, CancellationToken.None), Is.Empty);
        var record = (await PushTokens.ListAsync(caller, TokenKind.Ring, CancellationToken.None)).Single();
        Assert.That((record.Id, record.PushToken), Is.EqualTo((own.Id, "shared-phone")));
    }

    [Test]
    public async Task Delete_removes_only_the_callers_record_of_that_kind()
    {
        var (owner, ownerSession) = await NewUserAsync("deleteowner");
        var (stranger, _) = await NewUserAsync("deletestranger");
        var record = Created(await AddAsync(owner, ownerSession, TokenKind.Ring, Values("delete-me")));

        Assert.That(await PushTokens.DeleteAsync(stranger, TokenKind.Ring, record.Id, CancellationToken.None), Is.False);
        Assert.That(await PushTokens.DeleteAsync(owner, TokenKind.Message, record.Id, CancellationToken.None), Is.False);
        Assert.That(await PushTokens.DeleteAsync(owner, TokenKind.Ring, record.Id, CancellationToken.None), Is.True);
        Assert.That(await PushTokens.DeleteAsync(owner, TokenKind.Ring, record.Id, CancellationToken.None), Is.False);
        Assert.That(await PushTokens.ListAsync(owner, TokenKind.Ring, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Usernames_are_unique_case_insensitively()
    {
        var id = await Users.AddAsync("Alice.Doe", "hash-1", _clock.GetUtcNow(), CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => Users.AddAsync("alice.DOE", "hash-2", _clock.GetUtcNow(), CancellationToken.None));

        Assert.That(conflict!.Error, Is.EqualTo("username exist"));
        var found = await Users.FindByUsernameAsync("ALICE.doe", CancellationToken.None);
        Assert.That((found!.Id, found.Username, found.PasswordHash), Is.EqualTo((id, "Alice.Doe", "hash-1")));
    }

    [Test]
    public async Task A_taken_username_is_an_outcome_not_an_error_in_the_log()
    {
        await Users.AddAsync("taken.name", "hash-1", _clock.GetUtcNow(), CancellationToken.None);

        await Assert.ThrowsAsync<ConflictException>(() => Users.AddAsync("taken.name", "hash-2", _clock.GetUtcNow(), CancellationToken.None));

        Assert.That(_log.Entries, Has.None.Matches<LogEntry>(e => e!.Level >= LogLevel.Warning || e.Exception is not null));
    }

    [Test]
    public async Task Password_hash_is_replaced()
    {
        var id = await Users.AddAsync("rehashed", "old-hash", _clock.GetUtcNow(), CancellationToken.None);

        await Users.UpdatePasswordHashAsync(id, "new-hash", CancellationToken.None);

        Assert.That((await Users.FindByUsernameAsync("rehashed", CancellationToken.None))!.PasswordHash, Is.EqualTo("new-hash"));
    }

    [Test]
    public async Task Sessions_are_found_by_token_hash_until_revoked()
    {
        var user = await Users.AddAsync("sessions", "hash", _clock.GetUtcNow(), CancellationToken.None);
        var hash = RandomNumberGenerator.GetBytes(32);
        var expiresAt = _clock.GetUtcNow().AddDays(30);
        var id = await Sessions.AddAsync(user, hash, _clock.GetUtcNow(), expiresAt, CancellationToken.None);

        var found = await Sessions.FindByTokenHashAsync(hash, CancellationToken.None);
        Assert.That((found!.Id, found.UserId, found.ExpiresAt), Is.EqualTo((id, user, expiresAt)));
        Assert.That(await Sessions.FindByTokenHashAsync(RandomNumberGenerator.GetBytes(32), CancellationToken.None), Is.Null);

        Assert.That(await Sessions.RevokeAsync(id, CancellationToken.None), Is.EqualTo(1));
        Assert.That(await Sessions.FindByTokenHashAsync(hash, CancellationToken.None), Is.Null);
        Assert.That(await Sessions.RevokeAsync(id, CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task Revoking_a_session_deletes_the_push_tokens_of_both_kinds_written_through_it()
    {
        var (user, loggedOut) = await NewUserAsync("logout");
        var otherPhone = await NewSessionAsync(user);
        await AddAsync(user, loggedOut, TokenKind.Ring, Values("ring-of-this-phone"));
        await AddAsync(user, loggedOut, TokenKind.Message, Values("message-of-this-phone"));
        var kept = Created(await AddAsync(user, otherPhone, TokenKind.Ring, Values("ring-of-other-phone")));

        await Sessions.RevokeAsync(loggedOut, CancellationToken.None);

        Assert.That(await PushTokens.ListAsync(user, TokenKind.Ring, CancellationToken.None), Is.EqualTo(new[] { kept }));
        Assert.That(await PushTokens.ListAsync(user, TokenKind.Message, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Migrations_are_idempotent()
    {
        var (user, session) = await NewUserAsync("migrated");
        var record = Created(await AddAsync(user, session, TokenKind.Ring, Values("survives")));

        Migrator.Migrate();

        Assert.That(Migrator.IsUpgradeRequired(), Is.False);
        Assert.That(await PushTokens.ListAsync(user, TokenKind.Ring, CancellationToken.None), Is.EqualTo(new[] { record }));
    }

    [Test]
    public async Task A_session_with_a_token_hash_already_stored_is_database_error_20001()
    {
        var user = await Users.AddAsync("duplicatehash", "hash", _clock.GetUtcNow(), CancellationToken.None);
        var hash = RandomNumberGenerator.GetBytes(32);
        await Sessions.AddAsync(user, hash, _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(1), CancellationToken.None);

        var error = await Assert.ThrowsAsync<DatabaseException>(() =>
            Sessions.AddAsync(user, hash, _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(1), CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo(DatabaseErrorCodes.UniqueViolation));
    }

    [Test]
    public async Task A_session_of_a_user_that_does_not_exist_is_database_error_20002()
    {
        var error = await Assert.ThrowsAsync<DatabaseException>(() =>
            Sessions.AddAsync(987654, RandomNumberGenerator.GetBytes(32), _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(1), CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo(DatabaseErrorCodes.ForeignKey));
    }

    [Test]
    public async Task Concurrent_identical_adds_leave_exactly_one_record()
    {
        var (user, session) = await NewUserAsync("concurrent");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(() => AddAsync(user, session, TokenKind.Ring, Values("same-phone")))));

        var created = outcomes.OfType<AddPushTokenOutcome.Created>().ToList();
        Assert.That(created, Has.Count.EqualTo(1));
        Assert.That(outcomes.Except(created), Is.All.EqualTo(new AddPushTokenOutcome.AlreadyHeld(created[0].Record.Id)));
        Assert.That((await PushTokens.ListAsync(user, TokenKind.Ring, CancellationToken.None)).Single().Id, Is.EqualTo(created[0].Record.Id));
    }

    [Test]
    public async Task Concurrent_moves_of_one_token_leave_exactly_one_holder()
    {
        var users = new List<(long User, long Session)>();
        for (var i = 0; i < 8; i++)
        {
            users.Add(await NewUserAsync($"mover{i}"));
        }

        var moves = users.SelectMany(u => new[]
        {
            Task.Run(() => AddAsync(u.User, u.Session, TokenKind.Ring, Values("contested-phone"))),
            Task.Run(() => AddAsync(u.User, u.Session, TokenKind.Ring, Values("contested-phone"))),
        });
        await Task.WhenAll(moves);

        var holders = new List<PushTokenRecord>();
        foreach (var (user, _) in users)
        {
            holders.AddRange(await PushTokens.ListAsync(user, TokenKind.Ring, CancellationToken.None));
        }

        Assert.That(holders, Has.Count.EqualTo(1));
        Assert.That(holders[0].PushToken, Is.EqualTo("contested-phone"));
    }

    private static PushTokenValues Values(string pushToken) => new(pushToken, "en", 0, BundleId, "", "", "");

    private static PushTokenRecord Created(AddPushTokenOutcome outcome)
    {
        Assert.That(outcome, Is.InstanceOf<AddPushTokenOutcome.Created>());
        return ((AddPushTokenOutcome.Created)outcome).Record;
    }

    private Task<AddPushTokenOutcome> AddAsync(long user, long session, TokenKind kind, PushTokenValues values, int maxPerKind = Cap)
    {
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        return PushTokens.AddAsync(user, session, kind, values, maxPerKind, _clock.GetUtcNow(), CancellationToken.None);
    }

    private Task<UpdatePushTokenOutcome> UpdateAsync(long user, long session, TokenKind kind, long id, PushTokenValues values) =>
        PushTokens.UpdateAsync(user, session, kind, id, _ => values, _clock.GetUtcNow(), CancellationToken.None);

    private async Task<(long User, long Session)> NewUserAsync(string username)
    {
        var user = await Users.AddAsync(username, "hash", _clock.GetUtcNow(), CancellationToken.None);
        return (user, await NewSessionAsync(user));
    }

    private Task<long> NewSessionAsync(long user) =>
        Sessions.AddAsync(user, RandomNumberGenerator.GetBytes(32), _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(30), CancellationToken.None);
}
