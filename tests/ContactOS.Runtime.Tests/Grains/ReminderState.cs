namespace ContactOS.Runtime.Tests.Grains;

public sealed class ReminderState
{
    public int Ticks { get; set; }

    public DateTimeOffset? LastTick { get; set; }
}
