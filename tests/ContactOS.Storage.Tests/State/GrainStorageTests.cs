using System.Globalization;
using ContactOS.Storage.Tests.Infrastructure;
using Orleans.Storage;

namespace ContactOS.Storage.Tests.State;

/// <summary>
/// What the product's Orleans grain storage must do, run once per database engine: round trips, ETag conflicts decided
/// by the database, clears, and no two grains ever sharing a row, whatever their types, state names or keys.
/// </summary>
public abstract class GrainStorageTests(StorageTarget target) : StorageTestBase(target)
{
    private static readonly GrainId s_grain = GrainId.Create("conversation", "tenant-a/conv-1");

    [Fact]
    public async Task Read_NothingWritten_ReportsNoRecordAndNoETag()
    {
        var storage = await StartAsync();

        Assert.Null(await storage.States.ReadAsync(s_grain));
    }

    [Fact]
    public async Task Write_ThenRead_ReturnsTheSameStateAndETag()
    {
        var storage = await StartAsync();
        var value = "{\"status\":\"active\"} \u00e9\u00e8 \U0001F600 \0 end";

        var eTag = await storage.States.WriteAsync(s_grain, value, null);

        Assert.Equal((value, eTag), (await storage.States.ReadAsync(s_grain))!.Value);
    }

    [Fact]
    public async Task Write_SuccessiveWrites_ReturnIncreasingETagsAndKeepTheLatestState()
    {
        var storage = await StartAsync();

        var first = await storage.States.WriteAsync(s_grain, "v1", null);
        var second = await storage.States.WriteAsync(s_grain, "v2", first);
        var third = await storage.States.WriteAsync(s_grain, "v3", second);

        Assert.Equal(Version(first) + 1, Version(second));
        Assert.Equal(Version(second) + 1, Version(third));
        Assert.Equal(("v3", third), (await storage.States.ReadAsync(s_grain))!.Value);
    }

    [Fact]
    public async Task Write_StaleETag_ThrowsInconsistentStateNamingGrainAndKeepsNewerState()
    {
        var storage = await StartAsync();
        var first = await WriteTwoVersionsAsync(storage);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.States.WriteAsync(s_grain, "stale", first));

        var stored = (await storage.States.ReadAsync(s_grain))!.Value;
        Assert.Contains(s_grain.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(first, error.CurrentEtag);
        Assert.Equal(stored.ETag, error.StoredEtag);
        Assert.Equal("v2", stored.Value);
    }

    [Fact]
    public async Task Write_NoETagWhileStateExists_ThrowsInconsistentState()
    {
        var storage = await StartAsync();
        var stored = await storage.States.WriteAsync(s_grain, "v1", null);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.States.WriteAsync(s_grain, "again", null));

        Assert.Equal(stored, error.StoredEtag);
        Assert.Equal("v1", (await storage.States.ReadAsync(s_grain))!.Value.Value);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("not-an-etag")]
    public async Task Write_ETagWhileNothingStored_ThrowsInconsistentStateAndStoresNothing(string eTag)
    {
        var storage = await StartAsync();

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.States.WriteAsync(s_grain, "v", eTag));

        Assert.Null(error.StoredEtag);
        Assert.Null(await storage.States.ReadAsync(s_grain));
    }

    [Fact]
    public async Task Clear_StaleETag_ThrowsInconsistentStateAndKeepsState()
    {
        var storage = await StartAsync();
        var first = await WriteTwoVersionsAsync(storage);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.States.ClearAsync(s_grain, first));

        Assert.Contains(s_grain.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal("v2", (await storage.States.ReadAsync(s_grain))!.Value.Value);
    }

    [Fact]
    public async Task Clear_NothingStoredAndNoETag_Succeeds()
    {
        var storage = await StartAsync();

        await storage.States.ClearAsync(s_grain, null);

        Assert.Null(await storage.States.ReadAsync(s_grain));
    }

    [Fact]
    public async Task Clear_CurrentETag_RemovesStateAndNextWriteStartsWithoutETag()
    {
        var storage = await StartAsync();
        var eTag = await storage.States.WriteAsync(s_grain, "v1", null);

        await storage.States.ClearAsync(s_grain, eTag);
        var afterClear = await storage.States.ReadAsync(s_grain);
        var newETag = await storage.States.WriteAsync(s_grain, "fresh", null);

        Assert.Null(afterClear);
        Assert.Equal(("fresh", newETag), (await storage.States.ReadAsync(s_grain))!.Value);
    }

    [Fact]
    public async Task Write_ETagFromBeforeAClear_DoesNotOverwriteStateWrittenAfterIt()
    {
        // An activation that read the state before a clear must not win against the state written after it, even though
        // the new row is again on its first write.
        var storage = await StartAsync();
        var old = await storage.States.WriteAsync(s_grain, "old", null);
        await storage.States.ClearAsync(s_grain, old);
        await storage.States.WriteAsync(s_grain, "new", null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.States.WriteAsync(s_grain, "stale", old));

        Assert.Equal("new", (await storage.States.ReadAsync(s_grain))!.Value.Value);
    }

    /// <summary>Orleans' own ADO.NET storage shares a row between grain types whose state names coincide (dotnet/orleans #8746).</summary>
    [Fact]
    public async Task Two_grain_types_with_one_key_and_the_same_state_name_keep_separate_rows()
    {
        var storage = await StartAsync();
        var tenant = GrainId.Create("tenant", "acme");
        var aggregator = GrainId.Create("tenantaggregator", "acme");

        await storage.States.WriteAsync(tenant, "tenant state", null);
        await storage.States.WriteAsync(aggregator, "aggregator state", null);

        Assert.Equal("tenant state", (await storage.States.ReadAsync(tenant))!.Value.Value);
        Assert.Equal("aggregator state", (await storage.States.ReadAsync(aggregator))!.Value.Value);
    }

    [Fact]
    public async Task Two_state_names_of_one_grain_keep_separate_rows()
    {
        var storage = await StartAsync();
        var snapshot = new GrainStates(storage.GrainStorage, "snapshot");
        var settings = new GrainStates(storage.GrainStorage, "settings");

        await snapshot.WriteAsync(s_grain, "snapshot", null);
        await settings.WriteAsync(s_grain, "settings", null);

        Assert.Equal("snapshot", (await snapshot.ReadAsync(s_grain))!.Value.Value);
        Assert.Equal("settings", (await settings.ReadAsync(s_grain))!.Value.Value);
    }

    /// <summary>
    /// Orleans' own ADO.NET storage stores string keys that parse as hexadecimal as integers, so "c1" and "00C1" share a
    /// row (dotnet/orleans #9706). Tenant ids are user-chosen: that would be one tenant reading another's figures.
    /// </summary>
    [Fact]
    public async Task Keys_that_read_as_the_same_hexadecimal_number_keep_separate_rows()
    {
        var storage = await StartAsync();
        string[] keys = ["c1", "C1", "00C1", "0xc1", "193", "acme/c1", "acme/C1"];

        foreach (var key in keys)
        {
            await storage.States.WriteAsync(GrainId.Create("tenant", key), $"state of {key}", null);
        }

        foreach (var key in keys)
        {
            Assert.Equal($"state of {key}", (await storage.States.ReadAsync(GrainId.Create("tenant", key)))!.Value.Value);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Write_TwentyRacingWritersWithSameETag_ExactlyOneWins(bool stateExists)
    {
        const int writers = 20;
        var setup = await StartAsync();
        var expected = stateExists ? await setup.States.WriteAsync(s_grain, "initial", null) : null;
        // Separate hosts: separate pools and connections, like separate silos racing for one grain.
        var hosts = await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => StartAsync(migrate: false)));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racing = hosts.Select((host, index) => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await host.States.WriteAsync(s_grain, $"writer {index}", expected);
                return (Won: true, Writer: index);
            }
            catch (InconsistentStateException)
            {
                return (Won: false, Writer: index);
            }
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(racing);

        var winner = Assert.Single(outcomes, outcome => outcome.Won);
        var stored = (await setup.States.ReadAsync(s_grain))!.Value;
        Assert.Equal($"writer {winner.Writer}", stored.Value);
        if (expected is not null)
        {
            Assert.Equal(Version(expected) + 1, Version(stored.ETag));
        }
    }

    [Fact]
    public async Task State_AfterRestart_IsReadByNewStorageAndAcceptsItsETag()
    {
        var before = await StartAsync();
        var eTag = await before.States.WriteAsync(s_grain, "kept", null);
        await before.DisposeAsync();

        var after = await StartAsync();
        var stored = (await after.States.ReadAsync(s_grain))!.Value;
        var next = await after.States.WriteAsync(s_grain, "next", stored.ETag);

        Assert.Equal(("kept", eTag), stored);
        Assert.Equal(Version(eTag) + 1, Version(next));
    }

    /// <summary>Writes "v1" then "v2" and returns the ETag of "v1", which is stale from then on.</summary>
    private static async Task<string> WriteTwoVersionsAsync(StorageHost storage)
    {
        var first = await storage.States.WriteAsync(s_grain, "v1", null);
        await storage.States.WriteAsync(s_grain, "v2", first);
        return first;
    }

    private static long Version(string eTag) => long.Parse(eTag, CultureInfo.InvariantCulture);
}
