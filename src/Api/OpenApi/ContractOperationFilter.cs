using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PushTokenService.Api.OpenApi;

/// <summary>Adds what reflection cannot see: hand-read bodies and the error strings per status.</summary>
public sealed class ContractOperationFilter : IOperationFilter
{
    private const string ErrorMediaType = "application/problem+json";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var method = context.MethodInfo;
        var controller = method.DeclaringType!;
        var actualController = context.ApiDescription.ActionDescriptor is Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor action
            ? action.ControllerTypeInfo.AsType()
            : controller;

        if (method.GetCustomAttribute<RequestBodyDocAttribute>() is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = context.SchemaGenerator.GenerateSchema(body.Schema, context.SchemaRepository),
                        Example = JsonNode.Parse(body.Example),
                    },
                },
            };
        }

        var errors = actualController.GetCustomAttributes<ErrorsDocAttribute>(inherit: true)
            .Concat(method.GetCustomAttributes<ErrorsDocAttribute>())
            .GroupBy(e => e.Status)
            .OrderBy(g => g.Key);
        operation.Responses ??= [];
        foreach (var group in errors)
        {
            var strings = group.SelectMany(e => e.Errors).SelectMany(e => e.Split(", ")).Distinct().ToList();
            operation.Responses[group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = $"{ReasonPhrases.GetReasonPhrase(group.Key)}: " + string.Join(", ", strings.Select(s => $"`{s}`")),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ErrorMediaType] = new()
                    {
                        Schema = context.SchemaGenerator.GenerateSchema(typeof(ErrorDoc), context.SchemaRepository),
                        Example = new JsonObject
                        {
                            ["type"] = "about:blank",
                            ["title"] = ReasonPhrases.GetReasonPhrase(group.Key),
                            ["status"] = group.Key,
                            ["error"] = strings[0],
                            ["traceId"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                        },
                    },
                },
            };
        }
    }
}
