using System.Globalization;
using System.Text;
using ContactOS.Storage.EventLog;
using Microsoft.Data.Sqlite;

namespace ContactOS.Storage.Tests.EventLog;

public sealed class SqliteTimeTextTests
{
    // The text Microsoft.Data.Sqlite binds for a DateTime, which the event log's older rows hold and its reads parse.
    private const string ProviderFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    public static TheoryData<DateTime> Times => new()
    {
        new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc),
        new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1_000_000),
        new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_990),
        new DateTime(2026, 6, 15, 12, 30, 0, DateTimeKind.Utc).AddTicks(10),
        new DateTime(999, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(120),
        DateTime.MinValue,
        DateTime.MaxValue,
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void Write_GivesTheProvidersText(DateTime time) =>
        Assert.Equal(time.ToString(ProviderFormat, CultureInfo.InvariantCulture), Text(time));

    [Fact]
    public void Write_GivesTheProvidersText_ForRandomTimes()
    {
        var random = new Random(7);
        for (var i = 0; i < 100_000; i++)
        {
            var time = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            if (i % 2 == 0)
            {
                // Whole microseconds, as the log stores them.
                time = time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));
            }

            Assert.Equal(time.ToString(ProviderFormat, CultureInfo.InvariantCulture), Text(time));
        }
    }

    [Fact]
    public void Write_ReadsBackAsTheSameTime()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var time = new DateTime(2026, 11, 22, 8, 9, 10, DateTimeKind.Utc).AddTicks(123_450);
        command.CommandText = "SELECT @time";
        command.Parameters.AddWithValue("@time", Text(time));
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(time, DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc));
    }

    [Fact]
    public void Write_RefusesAShortBuffer() =>
        Assert.Throws<ArgumentException>(() => SqliteTimeText.Write(DateTime.UtcNow, new byte[SqliteTimeText.MaxLength - 1]));

    private static string Text(DateTime time)
    {
        var buffer = new byte[SqliteTimeText.MaxLength];
        return Encoding.UTF8.GetString(buffer, 0, SqliteTimeText.Write(time, buffer));
    }
}
