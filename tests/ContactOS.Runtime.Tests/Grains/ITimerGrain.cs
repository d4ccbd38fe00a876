namespace ContactOS.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartTimer(TimeSpan dueTime, TimeSpan period, bool keepAlive, bool interleave);

    Task StopTimer();

    Task<int> GetTicks();

    /// <summary>Holds the turn until the probe's gate opens.</summary>
    Task Wait(string label);
}
