using System.Globalization;
using ContactOS.Runtime;
using ContactOS.Runtime.Persistence;
using ContactOS.Storage.Tests.Infrastructure;

namespace ContactOS.Storage.Tests.State;

/// <summary>What every <see cref="IGrainStateStore"/> must do, run once per database engine.</summary>
public abstract class GrainStateStoreTests(StorageTarget target) : StorageTestBase(target)
{
    private static readonly GrainId s_grain = new("conversation", "tenant-a/conv-1");

    [Fact]
    public async Task ReadAsync_NothingWritten_ReturnsNull()
    {
        var storage = await StartAsync();

        Assert.Null(await storage.States.ReadAsync(s_grain, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ThenReadAsync_ReturnsSameBytesETagAndLogPosition()
    {
        var storage = await StartAsync();
        byte[] payload = [0x00, 0x01, 0x7F, 0x80, 0xFF, .. "{\"status\":\"active\"}"u8];

        var eTag = await storage.States.WriteAsync(s_grain, payload, null, 9_000_000_001, CancellationToken.None);
        var stored = await storage.States.ReadAsync(s_grain, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(payload, stored.Payload);
        Assert.Equal(eTag, stored.ETag);
        Assert.Equal(9_000_000_001, stored.LogPosition);
    }

    [Fact]
    public async Task WriteAsync_WithoutLogPositionOrPayloadBytes_ReadsBackEmptyAndNull()
    {
        var storage = await StartAsync();

        await storage.States.WriteAsync(s_grain, ReadOnlyMemory<byte>.Empty, null, null, CancellationToken.None);
        var stored = await storage.States.ReadAsync(s_grain, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Empty(stored.Payload);
        Assert.Null(stored.LogPosition);
    }

    [Fact]
    public async Task WriteAsync_PayloadSlicedFromLargerBuffer_StoresOnlyTheSlice()
    {
        var storage = await StartAsync();
        var buffer = new byte[] { 9, 1, 2, 3, 9 };

        await storage.States.WriteAsync(s_grain, buffer.AsMemory(1, 3), null, null, CancellationToken.None);

        Assert.Equal([1, 2, 3], (await storage.States.ReadAsync(s_grain, CancellationToken.None))!.Payload);
    }

    [Fact]
    public async Task WriteAsync_SuccessiveWrites_ReturnIncreasingETagsAndKeepTheLatestState()
    {
        var storage = await StartAsync();

        var first = await storage.States.WriteAsync(s_grain, "v1"u8.ToArray(), null, 1, CancellationToken.None);
        var second = await storage.States.WriteAsync(s_grain, "v2"u8.ToArray(), first, 2, CancellationToken.None);
        var third = await storage.States.WriteAsync(s_grain, "v3"u8.ToArray(), second, 3, CancellationToken.None);

        Assert.Equal(long.Parse(first, CultureInfo.InvariantCulture) + 1, long.Parse(second, CultureInfo.InvariantCulture));
        Assert.Equal(long.Parse(second, CultureInfo.InvariantCulture) + 1, long.Parse(third, CultureInfo.InvariantCulture));
        var stored = await storage.States.ReadAsync(s_grain, CancellationToken.None);
        Assert.Equal("v3"u8.ToArray(), stored!.Payload);
        Assert.Equal(3, stored.LogPosition);
    }

    [Fact]
    public async Task WriteAsync_ManyWritesWithAndWithoutLogPosition_EachSucceedsOnTheLatestETag()
    {
        // Enough repetitions for PostgreSQL to prepare the statements, with the nullable parameter switching.
        var storage = await StartAsync();
        string? eTag = null;

        for (var write = 1; write <= 12; write++)
        {
            eTag = await storage.States.WriteAsync(s_grain, new[] { (byte)write }, eTag, write % 2 == 0 ? write : null, CancellationToken.None);
        }

        var stored = await storage.States.ReadAsync(s_grain, CancellationToken.None);
        Assert.Equal(eTag, stored!.ETag);
        Assert.Equal(12, stored.LogPosition);
        Assert.Equal([12], stored.Payload);
    }

    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsInconsistentStateNamingGrainAndKeepsNewerState()
    {
        var storage = await StartAsync();
        var first = await WriteTwoVersionsAsync(storage);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.States.WriteAsync(s_grain, "stale"u8.ToArray(), first, null, CancellationToken.None));

        Assert.Contains(s_grain.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(s_grain, error.GrainId);
        Assert.Equal(first, error.ExpectedETag);
        Assert.Equal((await storage.States.ReadAsync(s_grain, CancellationToken.None))!.ETag, error.StoredETag);
        Assert.NotEqual(first, error.StoredETag);
        Assert.Equal("v2"u8.ToArray(), (await storage.States.ReadAsync(s_grain, CancellationToken.None))!.Payload);
    }

    [Fact]
    public async Task WriteAsync_NoETagWhileStateExists_ThrowsInconsistentState()
    {
        var storage = await StartAsync();
        var stored = await storage.States.WriteAsync(s_grain, "v1"u8.ToArray(), null, null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.States.WriteAsync(s_grain, "again"u8.ToArray(), null, null, CancellationToken.None));

        Assert.Equal(stored, error.StoredETag);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("not-an-etag")]
    public async Task WriteAsync_ETagWhileNothingStored_ThrowsInconsistentState(string eTag)
    {
        var storage = await StartAsync();

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.States.WriteAsync(s_grain, "v"u8.ToArray(), eTag, null, CancellationToken.None));

        Assert.Null(error.StoredETag);
        Assert.Null(await storage.States.ReadAsync(s_grain, CancellationToken.None));
    }

    [Fact]
    public async Task ClearAsync_StaleETag_ThrowsInconsistentStateNamingGrainAndKeepsState()
    {
        var storage = await StartAsync();
        var first = await WriteTwoVersionsAsync(storage);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.States.ClearAsync(s_grain, first, CancellationToken.None));

        Assert.Contains(s_grain.ToString(), error.Message, StringComparison.Ordinal);
        Assert.NotNull(await storage.States.ReadAsync(s_grain, CancellationToken.None));
    }

    [Fact]
    public async Task ClearAsync_NoETagWhileStateExists_ThrowsInconsistentState()
    {
        var storage = await StartAsync();
        await storage.States.WriteAsync(s_grain, "v1"u8.ToArray(), null, null, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.States.ClearAsync(s_grain, null, CancellationToken.None));
    }

    [Fact]
    public async Task ClearAsync_NothingStoredAndNoETag_Succeeds()
    {
        var storage = await StartAsync();

        await storage.States.ClearAsync(s_grain, null, CancellationToken.None);

        Assert.Null(await storage.States.ReadAsync(s_grain, CancellationToken.None));
    }

    [Fact]
    public async Task ClearAsync_CurrentETag_RemovesStateAndNextWriteStartsWithoutETag()
    {
        var storage = await StartAsync();
        var eTag = await storage.States.WriteAsync(s_grain, "v1"u8.ToArray(), null, 7, CancellationToken.None);

        await storage.States.ClearAsync(s_grain, eTag, CancellationToken.None);
        var afterClear = await storage.States.ReadAsync(s_grain, CancellationToken.None);
        var newETag = await storage.States.WriteAsync(s_grain, "fresh"u8.ToArray(), null, null, CancellationToken.None);

        Assert.Null(afterClear);
        Assert.Equal("fresh"u8.ToArray(), (await storage.States.ReadAsync(s_grain, CancellationToken.None))!.Payload);
        Assert.Equal(newETag, (await storage.States.ReadAsync(s_grain, CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task WriteAsync_ETagFromBeforeAClear_DoesNotOverwriteStateWrittenAfterIt()
    {
        // An activation that read the state before a clear must not win against the state written after it,
        // even though the new row is again on its first write.
        var storage = await StartAsync();
        var old = await storage.States.WriteAsync(s_grain, "old"u8.ToArray(), null, null, CancellationToken.None);
        await storage.States.ClearAsync(s_grain, old, CancellationToken.None);
        await storage.States.WriteAsync(s_grain, "new"u8.ToArray(), null, null, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.States.WriteAsync(s_grain, "stale"u8.ToArray(), old, null, CancellationToken.None));

        Assert.Equal("new"u8.ToArray(), (await storage.States.ReadAsync(s_grain, CancellationToken.None))!.Payload);
    }

    [Fact]
    public async Task WriteAsync_SameKeyDifferentGrainType_KeepsSeparateState()
    {
        var storage = await StartAsync();
        var agent = s_grain with { Type = "agent" };

        await storage.States.WriteAsync(s_grain, "conversation"u8.ToArray(), null, null, CancellationToken.None);
        await storage.States.WriteAsync(agent, "agent"u8.ToArray(), null, null, CancellationToken.None);

        Assert.Equal("conversation"u8.ToArray(), (await storage.States.ReadAsync(s_grain, CancellationToken.None))!.Payload);
        Assert.Equal("agent"u8.ToArray(), (await storage.States.ReadAsync(agent, CancellationToken.None))!.Payload);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WriteAsync_TwentyRacingWritersWithSameETag_ExactlyOneWins(bool stateExists)
    {
        const int writers = 20;
        var setup = await StartAsync();
        var expected = stateExists
            ? await setup.States.WriteAsync(s_grain, "initial"u8.ToArray(), null, null, CancellationToken.None)
            : null;
        // Separate hosts: separate pools and connections, like separate silos racing for one grain.
        var hosts = await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => StartAsync(migrate: false)));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racing = hosts.Select((host, index) => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await host.States.WriteAsync(s_grain, new[] { (byte)index }, expected, null, CancellationToken.None);
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
        var stored = await setup.States.ReadAsync(s_grain, CancellationToken.None);
        Assert.Equal([(byte)winner.Writer], stored!.Payload);
        if (expected is not null)
        {
            Assert.Equal(long.Parse(expected, CultureInfo.InvariantCulture) + 1, long.Parse(stored.ETag, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task State_AfterRestart_IsReadByNewStoreAndAcceptsItsETag()
    {
        var before = await StartAsync();
        var eTag = await before.States.WriteAsync(s_grain, "kept"u8.ToArray(), null, 41, CancellationToken.None);
        await before.DisposeAsync();

        var after = await StartAsync();
        var stored = await after.States.ReadAsync(s_grain, CancellationToken.None);
        var next = await after.States.WriteAsync(s_grain, "next"u8.ToArray(), stored!.ETag, 42, CancellationToken.None);

        Assert.Equal("kept"u8.ToArray(), stored.Payload);
        Assert.Equal(eTag, stored.ETag);
        Assert.Equal(41, stored.LogPosition);
        Assert.Equal(long.Parse(eTag, CultureInfo.InvariantCulture) + 1, long.Parse(next, CultureInfo.InvariantCulture));
    }

    /// <summary>Writes "v1" then "v2" and returns the ETag of "v1", which is stale from then on.</summary>
    private static async Task<string> WriteTwoVersionsAsync(StorageHost storage)
    {
        var first = await storage.States.WriteAsync(s_grain, "v1"u8.ToArray(), null, null, CancellationToken.None);
        await storage.States.WriteAsync(s_grain, "v2"u8.ToArray(), first, null, CancellationToken.None);
        return first;
    }
}
