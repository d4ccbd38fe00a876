namespace ContactOS.Benchmarks.Push;

/// <summary>
/// One first load of the dashboard, in milliseconds from the navigation's start on the page's clock:
/// <paramref name="ChartsDrawn"/> all five charts drawn with data (the figure), <paramref name="ScriptsRun"/> the
/// document's scripts run (DOMContentLoaded), <paramref name="DataIn"/> the last API answer the charts waited for;
/// <paramref name="Wall"/> is the benchmark's own stopwatch around the navigation and the wait, automation included.
/// </summary>
internal sealed record PageLoad(double ChartsDrawn, double ScriptsRun, double DataIn, double Wall);
