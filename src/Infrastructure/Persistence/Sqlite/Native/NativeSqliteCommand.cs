using System.Collections;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PushTokenService.Infrastructure.Persistence.Sqlite.Native;

/// <summary>
/// One SQLite statement, compiled once and run straight on the connection's native handle: what a lease keeps for its
/// hot statements on SQLite (<see cref="DbLease.Command"/>). Microsoft.Data.Sqlite's command does the same work with a
/// parameter binder object per value, a reader and a record per execution and a statement list to walk, on the loop
/// that every write waits for.
/// </summary>
/// <remarks>
/// Only what the leases use is here: one statement (<see cref="TryCreate"/> declines SQL with several), parameters
/// bound by name from <see cref="long"/>, <see cref="int"/>, <see cref="string"/>, <see cref="byte"/> arrays and null,
/// columns read as integers, text and blobs. A failing step throws the <see cref="SqliteException"/> Microsoft.Data.Sqlite
/// would, with SQLite's error codes, so that the error classifier sees no difference. Locks held by another process are
/// waited for by SQLite itself (the connection's <c>busy_timeout</c>), as Microsoft.Data.Sqlite's commands wait.
/// </remarks>
[SuppressMessage("Design", "CA1010:Generic interface should also be implemented", Justification = "DbCommand's own shape.")]
public sealed class NativeSqliteCommand : DbCommand
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly SqliteParameterCollection _parameters;
    private readonly string _sql;
    private int[]? _indexes;
    private NativeSqliteReader? _reader;

    private NativeSqliteCommand(SqliteConnection connection, sqlite3_stmt statement, string sql)
    {
        _connection = connection;
        _statement = statement;
        _sql = sql;

        // The provider's parameter collection (its constructor is not public): callers add and set SqliteParameters as
        // they do on a SqliteCommand. That command is never run, so it holds nothing to release.
        _parameters = new SqliteCommand().Parameters;
    }

    /// <summary>The statement compiled on <paramref name="connection"/>; null when <paramref name="sql"/> holds more than one.</summary>
    public static NativeSqliteCommand? TryCreate(SqliteConnection connection, string sql)
    {
        var db = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement, out var tail);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        if (!string.IsNullOrWhiteSpace(tail) || statement is null || statement.IsInvalid)
        {
            statement?.Dispose();
            return null;
        }

        return new NativeSqliteCommand(connection, statement, sql);
    }

    /// <summary>The compiled statement's text: it cannot become another statement.</summary>
    [AllowNull]
    public override string CommandText
    {
        get => _sql;
        set
        {
            if (!string.Equals(value, _sql, StringComparison.Ordinal))
            {
                throw new NotSupportedException("A native command keeps the statement it was compiled from.");
            }
        }
    }

    public override int CommandTimeout { get; set; }

    public override CommandType CommandType { get; set; } = CommandType.Text;

    public override UpdateRowSource UpdatedRowSource { get; set; }

    public override bool DesignTimeVisible { get; set; }

    protected override DbConnection? DbConnection
    {
        get => _connection;
        set => throw new NotSupportedException("A native command stays on the connection it was compiled on.");
    }

    protected override DbParameterCollection DbParameterCollection => _parameters;

    // The connection's transaction is SQLite's, on the same handle: the statement runs in it whatever this says.
    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    public override int ExecuteNonQuery()
    {
        Bind();
        try
        {
            while (Step())
            {
            }

            return raw.sqlite3_changes(_connection.Handle!);
        }
        finally
        {
            Reset();
        }
    }

    public override object? ExecuteScalar()
    {
        using var reader = ExecuteDbDataReader(CommandBehavior.Default);
        return reader.Read() ? reader.GetValue(0) : null;
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        Bind();
        _reader ??= new NativeSqliteReader(this);
        _reader.Open();
        return _reader;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _statement.Dispose();
        }

        base.Dispose(disposing);
    }

    internal sqlite3_stmt Statement => _statement;

    /// <summary>The next row: true while there is one, false once the statement is done; SQLite's errors throw.</summary>
    internal bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc == raw.SQLITE_DONE)
        {
            return false;
        }

        // sqlite3_reset returns the step's error too and leaves the message on the connection for the exception.
        Reset();
        SqliteException.ThrowExceptionForRC(rc, _connection.Handle!);
        return false;
    }

    internal void Reset() => raw.sqlite3_reset(_statement);

    private void Bind()
    {
        _indexes ??= ParameterIndexes();
        for (var i = 0; i < _indexes.Length; i++)
        {
            var index = _indexes[i];
            var rc = _parameters[i].Value switch
            {
                null or DBNull => raw.sqlite3_bind_null(_statement, index),
                long value => raw.sqlite3_bind_int64(_statement, index, value),
                int value => raw.sqlite3_bind_int64(_statement, index, value),
                string value => raw.sqlite3_bind_text(_statement, index, value),
                byte[] value => raw.sqlite3_bind_blob(_statement, index, value),
                bool value => raw.sqlite3_bind_int64(_statement, index, value ? 1 : 0),
                var other => throw new NotSupportedException($"A native command binds no {other.GetType().Name}."),
            };
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, _connection.Handle!);
            }
        }
    }

    private int[] ParameterIndexes()
    {
        var indexes = new int[_parameters.Count];
        for (var i = 0; i < indexes.Length; i++)
        {
            var name = _parameters[i].ParameterName;
            indexes[i] = raw.sqlite3_bind_parameter_index(_statement, name);
            if (indexes[i] == 0)
            {
                throw new InvalidOperationException($"The statement has no parameter {name}.");
            }
        }

        return indexes;
    }
}

/// <summary>The rows of a <see cref="NativeSqliteCommand"/>, read by position; disposing it resets the statement.</summary>
internal sealed class NativeSqliteReader(NativeSqliteCommand command) : DbDataReader
{
    private bool _open;
    private bool _done;

    public void Open()
    {
        _open = true;
        _done = false;
    }

    public override bool Read()
    {
        if (_done)
        {
            return false;
        }

        if (command.Step())
        {
            return true;
        }

        _done = true;
        return false;
    }

    // Disposing closes (DbDataReader's Dispose), and closing resets the statement: the reader is its command's, reused.
    public override void Close()
    {
        if (_open)
        {
            _open = false;
            command.Reset();
        }
    }

    public override long GetInt64(int ordinal) => raw.sqlite3_column_int64(command.Statement, ordinal);

    public override int GetInt32(int ordinal) => checked((int)raw.sqlite3_column_int64(command.Statement, ordinal));

    public override string GetString(int ordinal) => raw.sqlite3_column_text(command.Statement, ordinal).utf8_to_string() ?? "";

    public override bool IsDBNull(int ordinal) => raw.sqlite3_column_type(command.Statement, ordinal) == raw.SQLITE_NULL;

    public override object GetValue(int ordinal) => raw.sqlite3_column_type(command.Statement, ordinal) switch
    {
        raw.SQLITE_INTEGER => GetInt64(ordinal),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(command.Statement, ordinal),
        raw.SQLITE_TEXT => GetString(ordinal),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(command.Statement, ordinal).ToArray(),
        _ => DBNull.Value,
    };

    public override int FieldCount => raw.sqlite3_column_count(command.Statement);

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override int RecordsAffected => -1;

    public override bool HasRows => throw new NotSupportedException();

    public override bool IsClosed => !_open;

    public override int Depth => 0;

    public override bool NextResult() => false;

    public override string GetName(int ordinal) => raw.sqlite3_column_name(command.Statement, ordinal).utf8_to_string();

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < FieldCount; i++)
        {
            if (string.Equals(GetName(i), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, "No such column.");
    }

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override bool GetBoolean(int ordinal) => GetInt64(ordinal) != 0;

    public override double GetDouble(int ordinal) => raw.sqlite3_column_double(command.Statement, ordinal);

    public override Type GetFieldType(int ordinal) => GetValue(ordinal).GetType();

    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();

    public override byte GetByte(int ordinal) => throw new NotSupportedException();

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override char GetChar(int ordinal) => throw new NotSupportedException();

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();

    public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();

    public override float GetFloat(int ordinal) => throw new NotSupportedException();

    public override Guid GetGuid(int ordinal) => throw new NotSupportedException();

    public override short GetInt16(int ordinal) => throw new NotSupportedException();
}
