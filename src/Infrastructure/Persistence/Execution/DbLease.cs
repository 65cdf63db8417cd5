using System.Data;
using System.Data.Common;

namespace PushTokenService.Infrastructure.Persistence.Execution;

/// <summary>
/// An open connection lent for one unit of work, with the commands it has kept. The factory that lent it makes each command
/// once per connection in the provider's fastest form (<see cref="IDbConnectionFactory.CreateCommand"/>), and a pooled
/// lease goes back with its commands, so a statement is compiled once per connection instead of once per request.
/// </summary>
/// <remarks>
/// The rule for repositories: a hot statement (one that a phone's token list, add, update or delete, or the session
/// lookup of every request runs) holding one SQL statement goes through <see cref="Command"/>; everything else (login,
/// logout, registration, admin and maintenance work, several statements at once, SQL built per call, rows mapped to
/// classes) goes through Dapper on <see cref="Connection"/>.
/// </remarks>
public sealed class DbLease : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly IDbConnectionFactory _factory;
    private readonly ILeaseOwner? _owner;
    private readonly int _stringSize;

    public DbLease(DbConnection connection, IDbConnectionFactory factory, ILeaseOwner? owner)
    {
        Connection = connection;
        _factory = factory;
        _owner = owner;
        _stringSize = factory.StringParameterSize;
    }

    public DbConnection Connection { get; }

    /// <summary>The transaction of a write, which every command of the lease joins; null for a read.</summary>
    public DbTransaction? Transaction { get; set; }

    /// <summary>Set when work on the lease failed: its connection is closed instead of lent again.</summary>
    public bool Broken { get; set; }

    /// <summary>When the lease was opened: a pool lends no lease opened before it was last cleared.</summary>
    public long Generation { get; init; }

    /// <summary>
    /// The command for <paramref name="sql"/> with <paramref name="parameters"/> bound, in the current transaction: made and
    /// compiled at the first call on this connection, then reused. The parameters of one statement come in the same order each time.
    /// </summary>
    public DbCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _factory.CreateCommand(Connection, sql);
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            _commands.Add(sql, command);
        }

        command.Transaction = Transaction;
        if (command.Parameters.Count != parameters.Length)
        {
            throw new InvalidOperationException($"The statement was compiled with {command.Parameters.Count} parameters, not {parameters.Length}.");
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.Parameters[i];
            if (!string.Equals(parameter.ParameterName, parameters[i].Name, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Parameter {i} of the statement is {parameter.ParameterName}, not {parameters[i].Name}.");
            }

            var value = parameters[i].Value;
            parameter.Value = value ?? DBNull.Value;
            if (_stringSize > 0 && value is string text && text.Length <= _stringSize)
            {
                parameter.DbType = DbType.String;
                parameter.Size = _stringSize;
            }
        }

        return command;
    }

    /// <summary>Back to the pool that lent it, or closed when it has none or is broken.</summary>
    public async ValueTask DisposeAsync()
    {
        Transaction = null;
        if (_owner is not null && !Broken && _owner.TakeBack(this))
        {
            return;
        }

        await CloseAsync();
    }

    /// <summary>False once its pool no longer trusts the connection (the database file left its path): close it then.</summary>
    public bool IsCurrent => _owner?.IsCurrent(this) ?? true;

    /// <summary>Closes the connection and its commands for good.</summary>
    public async ValueTask CloseAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
        await Connection.DisposeAsync();
    }
}
