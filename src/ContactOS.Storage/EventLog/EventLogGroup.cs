namespace ContactOS.Storage.EventLog;

/// <summary>
/// The batches one transaction writes. Each distinct (tenant, event id) becomes one row, in arrival order; a later
/// copy, in the same batch or another batch of the group, is answered by the first copy's row as a duplicate. The
/// dialect writer fills in each row's position and whether the event was already stored before this group; then
/// every caller gets its results. Reused from group to group by the single writer, so it is not thread-safe.
/// </summary>
internal sealed class EventLogGroup
{
    private readonly List<PendingAppend> _appends = [];
    private readonly List<EventRow> _rows = [];
    private readonly Dictionary<(string TenantId, string EventId), int> _rowByKey = [];

    // For every event of every batch, in order: the index of the row that answers it, or its complement (~row) when an
    // earlier event of the group already claimed that row.
    private readonly List<int> _answers = [];
    private long[] _positions = new long[64];
    private bool[] _alreadyStored = new bool[64];
    private long[] _preceding = new long[64];

    public IReadOnlyList<PendingAppend> Appends => _appends;

    public IReadOnlyList<EventRow> Rows => _rows;

    public int EventCount => _answers.Count;

    public void Add(PendingAppend append)
    {
        _appends.Add(append);
        foreach (var logEvent in append.Events)
        {
            if (_rowByKey.TryGetValue((logEvent.TenantId, logEvent.EventId), out var row))
            {
                _answers.Add(~row);
                continue;
            }

            row = _rows.Count;
            _rowByKey.Add((logEvent.TenantId, logEvent.EventId), row);
            _rows.Add(new EventRow(logEvent, append.ReceivedAt));
            _answers.Add(row);
        }

        if (_rows.Count > _positions.Length)
        {
            var size = Math.Max(_rows.Count, _positions.Length * 2);
            Array.Resize(ref _positions, size);
            Array.Resize(ref _alreadyStored, size);
            Array.Resize(ref _preceding, size);
        }
    }

    /// <summary>Records where row <paramref name="row"/> is stored; <paramref name="alreadyStored"/>: by an earlier group.</summary>
    public void SetStored(int row, long position, bool alreadyStored)
    {
        _positions[row] = position;
        _alreadyStored[row] = alreadyStored;
    }

    public bool IsAlreadyStored(int row) => _alreadyStored[row];

    /// <summary>
    /// The positions the transaction had to itself: every position in (<see cref="WrittenAfter"/>,
    /// <see cref="WrittenThrough"/>] is one of the group's rows or unused. Set by the dialect writer under its write lock.
    /// </summary>
    public long WrittenAfter { get; private set; }

    /// <inheritdoc cref="WrittenAfter"/>
    public long WrittenThrough { get; private set; }

    public void SetWritten(long after, long through)
    {
        WrittenAfter = after;
        WrittenThrough = through;
    }

    /// <summary>
    /// Fills in each stored row's <see cref="AppendResult.Preceding"/> from <paramref name="tails"/>, which it then
    /// moves on to this group's rows; call only after the transaction committed.
    /// </summary>
    public void TrackTenants(TenantTails tails)
    {
        if (WrittenAfter < 0)
        {
            // The dialect writer did not say which positions it had to itself: nothing can be promised.
            tails.Break();
            Array.Fill(_preceding, -1, 0, _rows.Count);
            return;
        }

        tails.Continue(WrittenAfter, WrittenThrough);
        for (var row = 0; row < _rows.Count; row++)
        {
            if (!_alreadyStored[row])
            {
                _preceding[row] = tails.Advance(_rows[row].Event.TenantId, _positions[row]);
            }
        }
    }

    /// <summary>Answers every caller of the group; call only after the transaction committed.</summary>
    public void Complete()
    {
        var answer = 0;
        foreach (var append in _appends)
        {
            var results = new AppendResult[append.Events.Count];
            for (var index = 0; index < results.Length; index++)
            {
                var row = _answers[answer++];
                results[index] = row >= 0
                    ? _alreadyStored[row]
                        ? new AppendResult(_positions[row], Duplicate: true)
                        : new AppendResult(_positions[row], Duplicate: false, _preceding[row])
                    : new AppendResult(_positions[~row], Duplicate: true);
            }

            append.Complete(results);
        }
    }

    public void Fail(Exception error)
    {
        foreach (var append in _appends)
        {
            append.Fail(error);
        }
    }

    public void Clear()
    {
        WrittenAfter = -1;
        WrittenThrough = -1;
        Array.Clear(_alreadyStored, 0, _rows.Count);
        _appends.Clear();
        _rows.Clear();
        _rowByKey.Clear();
        _answers.Clear();
    }
}
