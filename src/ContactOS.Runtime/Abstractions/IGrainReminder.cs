namespace ContactOS.Runtime;

/// <summary>A handle to a registered reminder.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }

    TimeSpan Period { get; }

    DateTimeOffset StartAt { get; }
}
