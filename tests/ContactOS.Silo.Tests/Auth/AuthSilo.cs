using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOS.Silo.Tests.Hosting;
using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Silo.Tests.Auth;

/// <summary>
/// One silo host in the test process (<see cref="SiloFactory"/>) with a known signing key (so tests can also forge
/// tokens it must refuse), shared by a test class; each test uses its own tenant ids, so tests cannot see each other's
/// data.
/// </summary>
public sealed class AuthSilo : IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-0123456789-abcdefghijklmnop";

    private readonly SqliteTestDirectory _data = new();
    private SiloFactory? _host;

    public SiloFactory Host => _host ?? throw new InvalidOperationException("The silo starts in InitializeAsync.");

    /// <summary>Where the silo listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => Host.BaseAddress;

    /// <summary>A client for <see cref="BaseAddress"/>.</summary>
    public HttpClient Http => Host.Http;

    /// <summary>Everything the silo logged so far.</summary>
    public string Output => Host.Output;

    public async Task InitializeAsync() => _host = await SiloFactory.StartAsync(new Dictionary<string, string>
    {
        ["Storage:DataDirectory"] = _data.Path,
        ["Demo:Traffic"] = "false",
        ["Auth:Jwt:SigningKey"] = SigningKey,
        ["Demo:Enabled"] = "true",
    });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _data.Dispose();
    }

    /// <summary>A unique tenant id for one test.</summary>
    public static string NewTenant(string name) => $"{name}-{Guid.NewGuid():N}"[..20];

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Credentials? credentials = null, object? body = null) =>
        SendAsync(Http, BaseAddress, method, path, credentials, body);

    public static Task<HttpResponseMessage> SendAsync(
        SiloProcess silo, HttpMethod method, string path, Credentials? credentials = null, object? body = null) =>
        SendAsync(silo.Http, silo.BaseAddress!, method, path, credentials, body);

    public static Task<HttpResponseMessage> SendAsync(
        SiloFactory silo, HttpMethod method, string path, Credentials? credentials = null, object? body = null) =>
        SendAsync(silo.Http, silo.BaseAddress, method, path, credentials, body);

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, Uri baseAddress, HttpMethod method, string path, Credentials? credentials, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, path));
        if (credentials?.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (credentials?.ApiKey is { } apiKey)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request);
    }

    /// <summary>Sends and asserts the status, returning the JSON body (or an empty object when there is none).</summary>
    public async Task<JsonElement> ExpectAsync(
        HttpStatusCode expected, HttpMethod method, string path, Credentials? credentials = null, object? body = null)
    {
        using var response = await SendAsync(method, path, credentials, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode,
            $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return document.RootElement.Clone();
    }

    /// <summary>A new ingest API key of <paramref name="tenant"/>, created by its admin.</summary>
    public async Task<Credentials> IngestKeyAsync(string tenant)
    {
        var admin = await TokenAsync(tenant, "admin");
        var created = await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "api/v2/admin/api-keys", admin, new { name = "desk" });
        return Credentials.Key(created.GetProperty("key").GetString()!);
    }

    /// <summary>A dev token from the silo itself.</summary>
    public async Task<Credentials> TokenAsync(string tenant, params string[] roles)
    {
        var answer = await ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/v2/auth/dev-token", body: new { tenant, roles });
        return Credentials.Bearer(answer.GetProperty("token").GetString()!);
    }
}

/// <summary>What a request authenticates with: a bearer token, an API key, or (null) nothing.</summary>
public sealed record Credentials(string? Token, string? ApiKey)
{
    public static Credentials Bearer(string token) => new(token, null);

    public static Credentials Key(string apiKey) => new(null, apiKey);
}
