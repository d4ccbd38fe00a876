namespace ContactOS.Storage.EventLog;

/// <summary>
/// What became of one appended event. <paramref name="Position"/> is always the position of the stored copy: the new
/// one, or, when <paramref name="Duplicate"/> is true, the copy stored earlier (by an earlier call, by another caller,
/// or earlier in the same call), so a caller can treat a retried event exactly like the original.
/// </summary>
public readonly record struct AppendResult(long Position, bool Duplicate);
