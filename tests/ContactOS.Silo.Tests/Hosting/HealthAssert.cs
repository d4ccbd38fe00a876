using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ContactOS.Testing.Processes;

namespace ContactOS.Silo.Tests.Hosting;

/// <summary>Reads the JSON health report the silo answers on /health/live and /health/ready.</summary>
internal static class HealthAssert
{
    public static async Task<JsonElement> GetAsync(HttpClient http, Uri baseAddress, string path, HttpStatusCode expected)
    {
        using var response = await http.GetAsync(new Uri(baseAddress, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {path}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Polls <paramref name="path"/> until it answers <paramref name="expected"/>, then returns that report.</summary>
    public static async Task<JsonElement> WaitForAsync(SiloProcess silo, string path, HttpStatusCode expected, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var response = await silo.Http.GetAsync(new Uri(silo.BaseAddress!, path));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == expected)
            {
                using var document = JsonDocument.Parse(body);
                return document.RootElement.Clone();
            }

            Assert.True(watch.Elapsed < limit,
                $"GET {path} still answered {(int)response.StatusCode} after {limit.TotalSeconds:0} s: {body}. Output:\n{silo.Output}");
            await Task.Delay(100);
        }
    }

    public static string CheckStatus(JsonElement report, string check) =>
        report.GetProperty("checks").GetProperty(check).GetProperty("status").GetString()!;
}
