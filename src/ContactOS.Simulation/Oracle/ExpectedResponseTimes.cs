namespace ContactOS.Simulation.Oracle;

/// <summary>First response, human first response, handle and resolution times of the conversations started in the period, in seconds.</summary>
public sealed record ExpectedResponseTimes(
    ExpectedDuration FirstResponse,
    ExpectedDuration HumanFirstResponse,
    ExpectedDuration HandleTime,
    ExpectedDuration ResolutionTime);
