namespace ContactOS.Storage.EventLog;

/// <summary>
/// What became of one appended event. <paramref name="Position"/> is always the position of the stored copy: the new
/// one, or, when <paramref name="Duplicate"/> is true, the copy stored earlier (by an earlier call, by another caller,
/// or earlier in the same call), so a caller can treat a retried event exactly like the original.
/// </summary>
/// <param name="Preceding">
/// For an event stored by this call: a position below <paramref name="Position"/> such that the log holds no other event of
/// the same tenant between the two. It is the tenant's previous event when this process wrote that one and nobody else
/// has appended since; otherwise the last position written before the group that stored this event. A reader that has
/// applied the tenant's events up to <paramref name="Preceding"/> therefore misses none by applying this one next,
/// without asking the database. 0 for a duplicate; -1 when the writer cannot say.
/// </param>
public readonly record struct AppendResult(long Position, bool Duplicate, long Preceding = 0);
