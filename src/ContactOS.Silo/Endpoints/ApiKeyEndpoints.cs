using System.Security.Claims;
using ContactOS.Silo.Auth;
using ContactOS.Storage.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactOS.Silo.Endpoints;

internal static class ApiKeyEndpoints
{
    private const int MaxNameLength = 100;

    /// <summary>
    /// The caller's tenant's ingest API keys (policy Admin): <c>POST /api/v2/admin/api-keys</c> creates one and shows
    /// its secret once, <c>GET</c> lists them without secrets, <c>DELETE /{id}</c> revokes one. Another tenant's key id
    /// answers 404, exactly like an id that does not exist.
    /// </summary>
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var keys = endpoints.MapGroup("/api/v2/admin/api-keys").RequireAuthorization(AuthPolicies.Admin).WithTags(ApiTags.ApiKeys);
        keys.MapPost("/", CreateAsync).WithSummary("Create an ingest API key; the answer is the only one that shows its secret");
        keys.MapGet("/", ListAsync).WithSummary("List the tenant's API keys, revoked ones included, without their secrets");
        keys.MapDelete("/{id}", RevokeAsync).WithSummary("Revoke an API key; it stops working at once");
        return endpoints;
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateAsync(
        CreateApiKeyRequest request, ClaimsPrincipal user, IApiKeyStore store, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["name"] = [$"name must be 1 to {MaxNameLength} characters."] },
                detail: $"name must be 1 to {MaxNameLength} characters.");
        }

        var key = ApiKeySecret.Generate();
        var stored = await store.CreateAsync(
            user.GetTenantId(), name, ApiKeySecret.DisplayPrefix(key), ApiKeySecret.Hash(key), cancellationToken);
        return TypedResults.Created(
            $"/api/v2/admin/api-keys/{stored.Id}",
            new CreatedApiKeyResponse(stored.Id, stored.Name, key, stored.Prefix, stored.CreatedAt));
    }

    private static async Task<Ok<IEnumerable<ApiKeyResponse>>> ListAsync(
        ClaimsPrincipal user, IApiKeyStore store, CancellationToken cancellationToken)
    {
        var keys = await store.ListAsync(user.GetTenantId(), cancellationToken);
        return TypedResults.Ok(keys.Select(key => new ApiKeyResponse(key.Id, key.Name, key.Prefix, key.CreatedAt, key.RevokedAt)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, ClaimsPrincipal user, IApiKeyStore store, ApiKeyValidator validator, CancellationToken cancellationToken)
    {
        if (!await store.RevokeAsync(user.GetTenantId(), id, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "There is no API key with this id.");
        }

        validator.Forget(id);
        return TypedResults.NoContent();
    }

    internal sealed record CreateApiKeyRequest(string? Name);

    /// <summary>The only answer that carries the key itself.</summary>
    internal sealed record CreatedApiKeyResponse(string Id, string Name, string Key, string Prefix, DateTimeOffset CreatedAt);

    internal sealed record ApiKeyResponse(string Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
}
