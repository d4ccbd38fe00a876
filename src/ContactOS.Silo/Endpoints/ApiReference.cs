using ContactOS.Silo.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace ContactOS.Silo.Endpoints;

/// <summary>
/// The API's contract at <c>/openapi/v1.json</c> and its interactive reference at <c>/docs</c>. Both are anonymous:
/// they describe the API, built from the endpoints alone, and hold no tenant's data. The document names the two ways to
/// authenticate, answers 401 and 403 on every protected operation, and groups operations by area.
/// </summary>
internal static class ApiReference
{
    public const string DocsPath = "/docs";
    public const string BearerScheme = "Bearer";
    public const string ApiKeyScheme = "ApiKey";

    private static readonly (string Name, string Description)[] s_tags =
    [
        (ApiTags.Events, "Ingestion of events from conversation platforms. The event contract, with an example of every type: docs/events.md."),
        (ApiTags.Analytics, "KPIs, breakdowns and trends of the caller's tenant over a period. Definitions: docs/analytics.md."),
        (ApiTags.Agents, "The human agents roster of the caller's tenant."),
        (ApiTags.Live, "Live figures over SignalR (docs/live-updates.md): connect, call Watch(period), receive snapshot and update."),
        (ApiTags.Tenant, "The caller's tenant settings: display name, time zone, language and the settings the analytics read."),
        (ApiTags.ApiKeys, "Per-tenant ingest API keys for platforms, sent as the X-Api-Key header."),
        (ApiTags.Auth, "Who the caller is, and in demo mode development tokens."),
        (ApiTags.Health, "Liveness and readiness probes."),
    ];

    public static IServiceCollection AddContactOSOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                Secure(operation, context);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                EventSchema.Describe(schema, context.JsonTypeInfo.Type);
                return Task.CompletedTask;
            });
        });

    /// <summary>Maps the document and the reference; neither requires signing in.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(DocsPath, options => options
                .WithTitle("ContactOS Analytics API")
                .AddPreferredSecuritySchemes(BearerScheme))
            .AllowAnonymous();
        return app;
    }

    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "ContactOS Analytics API";
        document.Info.Description = "Event ingestion, analytics and administration of one tenant per caller: the tenant always " +
            "comes from the credentials. Errors answer application/problem+json. Event contract: docs/events.md; figure " +
            "definitions: docs/analytics.md.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT signed with the silo's key, carrying a 'tenant' claim and roles (viewer, admin, ingest, operator). " +
                "In demo mode POST /api/v2/auth/dev-token issues one.",
        };
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "A tenant's ingest API key (cos_...), created by its admin at /api/v2/admin/api-keys. Ingestion only.",
        };
        document.Tags = new HashSet<OpenApiTag>(s_tags.Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }));
        HealthOpenApi.AddTo(document);
        LiveOpenApi.AddTo(document);
    }

    /// <summary>
    /// Protected operations name the schemes that can call them (an API key only where the policy is Ingest) and answer
    /// 401 and 403 problems.
    /// </summary>
    private static void Secure(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var policies = metadata.OfType<IAuthorizeData>().ToList();
        if (policies.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        operation.Security = [Requirement(BearerScheme, context.Document)];
        if (policies.Any(p => p.Policy == AuthPolicies.Ingest))
        {
            operation.Security.Add(Requirement(ApiKeyScheme, context.Document));
        }

        operation.Responses ??= [];
        operation.Responses.TryAdd("401", Problem("Not authenticated: no credentials, or an invalid or expired token or key.", context.Document));
        operation.Responses.TryAdd("403", Problem("Authenticated, but the caller's roles do not allow this operation.", context.Document));
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    private static OpenApiResponse Problem(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
        },
    };
}
