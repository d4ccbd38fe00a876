using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactOS.Silo.Endpoints;

/// <summary>
/// Writes a health report as <c>{"status":"Healthy","durationMs":1.2,"checks":{"storage":{"status":...,
/// "description":...,"durationMs":...}}}</c>; the built-in writer only says "Healthy" or "Unhealthy", which does
/// not tell an operator which dependency failed.
/// </summary>
internal static class HealthResponseWriter
{
    // Descriptions quote names ('contactos'); the default encoder would turn every quote into \u0027. The body is
    // served as application/json, never embedded in HTML, so the relaxed encoder is safe here.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        // No caching: a proxy serving a stale "Healthy" would defeat the probe.
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body, s_options);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            if (entry.Description is not null)
            {
                json.WriteString("description", entry.Description);
            }
            else if (entry.Exception is not null)
            {
                json.WriteString("description", entry.Exception.Message);
            }

            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
