using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Silo.Tests.Dashboard;

/// <summary>
/// The dashboard's files as the silo serves them: the build's Brotli or gzip copy when the browser accepts one, the
/// plain file otherwise, each with the headers that keep browsers and caches right.
/// </summary>
public sealed partial class DashboardFilesTests : IAsyncLifetime
{
    private readonly SqliteTestDirectory _data = new();
    private SiloProcess? _silo;

    private SiloProcess Silo => _silo ?? throw new InvalidOperationException("The silo starts in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _silo = SiloProcess.Start(new SiloProcessOptions { DataDirectory = _data.Path, Arguments = ["--Auth:Jwt:SigningKey", AuthSilo.SigningKey] });
        await _silo.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _data.Dispose();
    }

    [Fact]
    public async Task Every_script_and_style_of_the_page_comes_compressed_as_the_browser_accepts_and_decodes_to_the_plain_file()
    {
        var assets = await AssetPathsAsync();
        Assert.True(assets.Count >= 4, $"index.html names only {assets.Count} assets: {string.Join(", ", assets)}.");

        (string Accepted, string Expected)[] cases = [("br", "br"), ("gzip, deflate, br", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip")];
        foreach (var path in assets)
        {
            var (plain, plainResponse) = await GetAsync(path, acceptEncoding: null);
            foreach (var (accepted, expected) in cases)
            {
                var (encoded, response) = await GetAsync(path, accepted);
                var what = $"{path} with Accept-Encoding: {accepted}";

                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {(int)response.StatusCode}");
                Assert.True(response.Content.Headers.ContentEncoding.SequenceEqual([expected]), $"{what}: Content-Encoding {string.Join(", ", response.Content.Headers.ContentEncoding)}");
                Assert.Equal(plainResponse.Content.Headers.ContentType, response.Content.Headers.ContentType);
                Assert.Contains("Accept-Encoding", response.Headers.Vary);
                Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
                Assert.True(encoded.Length < plain.Length, $"{what}: {encoded.Length} bytes encoded, {plain.Length} plain.");
                Assert.Equal(encoded.Length, response.Content.Headers.ContentLength);
                Assert.Equal(plain, Decode(encoded, expected));
            }
        }
    }

    [Fact]
    public async Task Without_an_accepted_encoding_the_plain_file_is_sent_and_caches_are_told_it_varies()
    {
        foreach (var path in await AssetPathsAsync())
        {
            var (body, response) = await GetAsync(path, acceptEncoding: null);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            Assert.Equal(path.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_page_itself_comes_compressed_and_is_still_revalidated_on_every_load_while_API_answers_are_left_alone()
    {
        var (plain, _) = await GetAsync("/", acceptEncoding: null);
        var (encoded, response) = await GetAsync("/", "br, gzip");
        var (_, api) = await GetAsync("/api/v2/tenant", "br, gzip");

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(plain, Decode(encoded, "br"));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Empty(api.Content.Headers.ContentEncoding);
    }

    /// <summary>The scripts and style sheets that index.html names, e.g. <c>/assets/index-abc123.js</c>.</summary>
    private async Task<IReadOnlyList<string>> AssetPathsAsync()
    {
        var (page, response) = await GetAsync("/", acceptEncoding: null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, "The silo serves no dashboard: build it (npm) before these tests.");
        var html = Encoding.UTF8.GetString(page);
        return [.. AssetReference().Matches(html).Select(match => match.Groups["path"].Value).Distinct()];
    }

    private async Task<(byte[] Body, HttpResponseMessage Response)> GetAsync(string path, string? acceptEncoding)
    {
        // Silo.Http does not decompress, so the bytes are what the silo sent.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Silo.BaseAddress!, path));
        if (acceptEncoding is not null)
        {
            foreach (var value in acceptEncoding.Split(',', StringSplitOptions.TrimEntries))
            {
                request.Headers.AcceptEncoding.Add(StringWithQualityHeaderValue.Parse(value));
            }
        }

        var response = await Silo.Http.SendAsync(request);
        return (await response.Content.ReadAsByteArrayAsync(), response);
    }

    private static byte[] Decode(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex(@"(?:src|href)=""(?<path>/assets/[^""]+\.(?:js|css))""")]
    private static partial Regex AssetReference();
}
