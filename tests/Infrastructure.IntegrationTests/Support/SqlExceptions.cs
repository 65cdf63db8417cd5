using System.Reflection;
using Microsoft.Data.SqlClient;

namespace PushTokenService.Infrastructure.IntegrationTests.Support;

/// <summary>Real <see cref="SqlException"/>s with a chosen number: SqlClient has no public constructor, so its internal factory is called.</summary>
public static class SqlExceptions
{
    private const BindingFlags Internal = BindingFlags.NonPublic | BindingFlags.Instance;

    public static SqlException Create(int number, string message = "provider message", byte severity = 16)
    {
        var error = (SqlError)typeof(SqlError)
            .GetConstructor(Internal, [typeof(int), typeof(byte), typeof(byte), typeof(string), typeof(string), typeof(string), typeof(int), typeof(Exception)])!
            .Invoke([number, (byte)1, severity, "server", message, "", 0, null]);
        var errors = (SqlErrorCollection)typeof(SqlErrorCollection).GetConstructor(Internal, Type.EmptyTypes)!.Invoke(null);
        typeof(SqlErrorCollection).GetMethod("Add", Internal)!.Invoke(errors, [error]);
        return (SqlException)typeof(SqlException)
            .GetMethod("CreateException", BindingFlags.NonPublic | BindingFlags.Static, [typeof(SqlErrorCollection), typeof(string)])!
            .Invoke(null, [errors, "16.0.0"])!;
    }
}
