namespace ContactOS.Simulation.Oracle;

internal enum Resolution
{
    None,
    Ai,
    Human,
}
