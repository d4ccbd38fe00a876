using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactOS.Testing.Postgres;
using ContactOS.Testing.Processes;

namespace ContactOS.Silo.Tests.Ingestion;

/// <summary>When the database goes away, requests that need it answer 503 with Retry-After, never a bare 500.</summary>
public sealed class DatabaseOutageTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Ingestion_and_reads_answer_503_with_retry_after_while_the_database_is_gone()
    {
        var connectionString = await postgres.CreateDatabaseAsync("outage");
        await using var silo = SiloProcess.Start(new SiloProcessOptions
        {
            Environment = new Dictionary<string, string>
            {
                ["CONTACTOS_Storage__Provider"] = "postgres",
                ["CONTACTOS_Storage__ConnectionString"] = connectionString + ";Timeout=3",
                ["CONTACTOS_Demo__Enabled"] = "true",
            },
        });
        await silo.WaitUntilReadyAsync();
        using var tokenResponse = await silo.Http.PostAsJsonAsync(new Uri(silo.BaseAddress!, "api/v2/auth/dev-token"), new { tenant = "acme", roles = new[] { "admin" } });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();

        await postgres.Server.DropDatabaseAsync(connectionString);

        using var ingest = new HttpRequestMessage(HttpMethod.Post, new Uri(silo.BaseAddress!, "api/v2/events"))
        {
            Content = new StringContent(
                """[{"id":"e1","type":"conversation.started","timestamp":"2026-11-22T10:00:00Z","conversationId":"c1"}]""",
                Encoding.UTF8, "application/json"),
        };
        ingest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var ingested = await silo.Http.SendAsync(ingest);
        using var read = new HttpRequestMessage(HttpMethod.Get, new Uri(silo.BaseAddress!, "api/v2/tenant"));
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var tenant = await silo.Http.SendAsync(read);

        foreach (var response in new[] { ingested, tenant })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {body}");
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("nothing from this request was stored", body, StringComparison.Ordinal);
        }
    }
}
