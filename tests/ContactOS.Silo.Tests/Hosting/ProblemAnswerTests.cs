using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;

namespace ContactOS.Silo.Tests.Hosting;

/// <summary>Every error a client can cause answers application/problem+json with a status, a title and a detail.</summary>
public sealed class ProblemAnswerTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    private async Task<JsonElement> ProblemAsync(HttpStatusCode expected, HttpRequestMessage request)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await silo.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        return problem;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, Credentials? credentials = null)
    {
        var request = new HttpRequestMessage(method, new Uri(silo.BaseAddress, path));
        if (credentials?.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    [Fact]
    public async Task No_credentials_is_a_401_problem_that_says_how_to_authenticate()
    {
        var problem = await ProblemAsync(HttpStatusCode.Unauthorized, Request(HttpMethod.Get, "api/v2/analytics/kpis"));

        Assert.Contains("Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_that_does_not_allow_the_operation_is_a_403_problem()
    {
        var viewer = await silo.TokenAsync(AuthSilo.NewTenant("forbidden"), "viewer");

        await ProblemAsync(HttpStatusCode.Forbidden, Request(HttpMethod.Get, "api/v2/admin/api-keys", viewer));
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem_pointing_to_the_reference()
    {
        var problem = await ProblemAsync(HttpStatusCode.NotFound, Request(HttpMethod.Get, "api/v2/no-such-thing"));

        Assert.Contains("/docs", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_the_route_does_not_take_is_a_405_problem_naming_the_allowed_ones()
    {
        var problem = await ProblemAsync(HttpStatusCode.MethodNotAllowed, Request(HttpMethod.Delete, "api/v2/events"));

        Assert.Contains("POST", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_the_framework_cannot_bind_is_a_400_problem()
    {
        var admin = await silo.TokenAsync(AuthSilo.NewTenant("badjson"), "admin");
        var request = Request(HttpMethod.Put, "api/v2/tenant", admin);
        request.Content = new StringContent("{\"displayName\": ", Encoding.UTF8, "application/json");

        await ProblemAsync(HttpStatusCode.BadRequest, request);
    }
}
