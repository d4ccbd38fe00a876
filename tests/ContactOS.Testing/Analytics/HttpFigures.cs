using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Xunit;
using ContactOS.Grains.Queries;
using ContactOS.Testing.Processes;

namespace ContactOS.Testing.Analytics;

/// <summary>Reads every analytics endpoint of one tenant and period over HTTP into <see cref="ServedFigures"/>.</summary>
public static class HttpFigures
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static async Task<ServedFigures> ReadAsync(SiloProcess silo, string token, string period)
    {
        var query = "?period=" + period;
        return ServedFigures.From(
            await GetAsync<KpiReport>(silo, token, "api/v2/analytics/kpis" + query),
            await GetAsync<ResolutionSplitReport>(silo, token, "api/v2/analytics/resolution-split" + query),
            await GetAsync<HandoffReasonsReport>(silo, token, "api/v2/analytics/handoff-reasons" + query),
            await GetAsync<TopIntentsReport>(silo, token, "api/v2/analytics/top-intents" + query),
            await GetAsync<VolumeReport>(silo, token, "api/v2/analytics/volume" + query),
            await GetAsync<SentimentTrendReport>(silo, token, "api/v2/analytics/sentiment-trend" + query),
            await GetAsync<AgentRoster>(silo, token, "api/v2/agents"),
            await GetAsync<InsightsReport>(silo, token, "api/v2/analytics/insights" + query + "&lang=en"));
    }

    private static async Task<T> GetAsync<T>(SiloProcess silo, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(silo.BaseAddress!, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await silo.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<T>(text, s_json)!;
    }
}
