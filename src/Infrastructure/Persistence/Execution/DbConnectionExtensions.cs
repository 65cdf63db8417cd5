using System.Data.Common;

namespace PushTokenService.Infrastructure.Persistence.Execution;

public static class DbConnectionExtensions
{
    /// <summary>The provider's own command for <paramref name="sql"/> on <paramref name="connection"/>.</summary>
    public static DbCommand CommandFor(this DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
