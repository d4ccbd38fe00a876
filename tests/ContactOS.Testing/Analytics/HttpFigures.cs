using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Xunit;
using ContactOS.Grains.Queries;
using ContactOS.Testing.Processes;

namespace ContactOS.Testing.Analytics;

/// <summary>Reads the analytics endpoints of one tenant and period over HTTP into the oracle's record types.</summary>
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

    /// <summary>Reads the second-wave endpoints of one tenant and period over HTTP into <see cref="SecondWaveFigures"/>.</summary>
    public static async Task<SecondWaveFigures> ReadSecondWaveAsync(SiloProcess silo, string token, string period)
    {
        var query = "?period=" + period;
        return SecondWaveFigures.From(
            await GetAsync<ResponseTimesReport>(silo, token, "api/v2/analytics/response-times" + query),
            await GetAsync<QualityReport>(silo, token, "api/v2/analytics/quality" + query),
            await GetAsync<IntentsReport>(silo, token, "api/v2/analytics/intents" + query),
            await GetAsync<ToolsReport>(silo, token, "api/v2/analytics/tools" + query),
            await GetAsync<DropOffReport>(silo, token, "api/v2/analytics/drop-off" + query),
            await GetAsync<CostsReport>(silo, token, "api/v2/analytics/costs" + query));
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
