using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Settings;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Testing.Analytics;
using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Silo.Tests.Durability;

/// <summary>
/// A silo process on a database of its own that a test can kill, stop and start again, and talk to over HTTP as any
/// tenant (a dev token with every role, signed with a fixed key so it outlives restarts). Snapshots are taken every
/// second, so a restart finds some.
/// </summary>
internal sealed class SiloSession : IAsyncDisposable
{
    private readonly SqliteTestDirectory _data = new();
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private SiloProcess? _silo;

    public SiloProcess Process => _silo ?? throw new InvalidOperationException("Start the silo first.");

    public async Task StartAsync()
    {
        _silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = _data.Path,
            Arguments = ["--Auth:Jwt:SigningKey", AuthSilo.SigningKey, "--Demo:Enabled", "true", "--Pipeline:SnapshotInterval", "00:00:01"],
        });
        await _silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>Stops the process as an operator does (SIGTERM) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        var exitCode = await Process.StopGracefullyAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"exit code {exitCode}: {Process.Output}");
    }

    public async Task<string> TokenAsync(string tenant)
    {
        if (!_tokens.TryGetValue(tenant, out var token))
        {
            using var response = await SendAsync(HttpMethod.Post, "api/v2/auth/dev-token", null,
                JsonContent.Create(new { tenant, roles = new[] { "admin", "ingest", "viewer" } }));
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            token = answer.RootElement.GetProperty("token").GetString()!;
            _tokens[tenant] = token;
        }

        return token;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? tenant, HttpContent? content)
    {
        var token = tenant is null ? null : await TokenAsync(tenant);
        using var request = new HttpRequestMessage(method, new Uri(Process.BaseAddress!, path)) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Process.Http.SendAsync(request);
    }

    public async Task SetTenantAsync(string tenant, string timeZone)
    {
        using var put = await SendAsync(HttpMethod.Put, "api/v2/tenant", tenant, JsonContent.Create(new { displayName = tenant, timeZone }));
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
    }

    /// <summary>Posts one batch as a JSON array; returns how many events were accepted (not duplicates). None may be rejected.</summary>
    public async Task<int> PostEventsAsync(string tenant, IReadOnlyList<ContactEvent> events)
    {
        var body = new StringBuilder("[");
        for (var i = 0; i < events.Count; i++)
        {
            body.Append(i == 0 ? "" : ",").Append(Encoding.UTF8.GetString(ContactEventJson.Serialize(events[i])));
        }

        using var content = new StringContent(body.Append(']').ToString(), Encoding.UTF8, "application/json");
        using var response = await SendAsync(HttpMethod.Post, "api/v2/events", tenant, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST events: {(int)response.StatusCode} {text}");
        using var answer = JsonDocument.Parse(text);
        Assert.Equal(0, answer.RootElement.GetProperty("rejected").GetArrayLength());
        return answer.RootElement.GetProperty("accepted").GetInt32();
    }

    public async Task<ServedFigures> FiguresAsync(string tenant, string period) => await HttpFigures.ReadAsync(Process, await TokenAsync(tenant), period);

    public async Task<SecondWaveFigures> SecondWaveAsync(string tenant, string period) =>
        await HttpFigures.ReadSecondWaveAsync(Process, await TokenAsync(tenant), period);

    /// <summary>Stores the tenant's analytics settings through <c>PUT /api/v2/tenant</c>, as an admin would.</summary>
    public async Task SetAnalyticsSettingsAsync(string tenant, string timeZone, AnalyticsSettings settings)
    {
        using var put = await SendAsync(HttpMethod.Put, "api/v2/tenant", tenant, JsonContent.Create(new
        {
            displayName = tenant,
            timeZone,
            settings.ReopenWindowHours,
            settings.AbandonAfterHours,
            settings.LowConfidenceThreshold,
            settings.FallbackIntents,
            settings.Currency,
            settings.AgentCostPerHour,
            settings.CostPerHumanConversation,
            settings.MonthlyBudget,
        }, options: new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _data.Dispose();
    }
}
