namespace PushTokenService.Api.OpenApi;

/// <summary>
/// Documents the JSON body of an action that reads its body by hand (to tell missing, wrong type and
/// wrong length apart): the schema of <see cref="Schema"/> and an example.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequestBodyDocAttribute(Type schema, string example) : Attribute
{
    public Type Schema { get; } = schema;

    public string Example { get; } = example;
}
