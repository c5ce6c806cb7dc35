namespace Ride.Actors;

/// <summary>
/// A round: Ride's question "does every application still have its connections?", asked after a fix. Every kept
/// connection that is not in the middle of a statement when the round starts does its part (it proves it is still
/// there, or, when the fix ended it, records its reconnect or the refusal of it), and the round ends when all have.
/// </summary>
internal sealed class Rounds
{
    private readonly object _gate = new();
    private readonly HashSet<ActorConnection> _members = new();
    private TaskCompletionSource<Round> _next = NewSource();

    /// <summary>Completes when the next round starts.</summary>
    public Task<Round> Next
    {
        get
        {
            lock (_gate)
            {
                return _next.Task;
            }
        }
    }

    public void Join(ActorConnection connection)
    {
        lock (_gate)
        {
            _members.Add(connection);
        }
    }

    /// <summary>A connection that ends (stopped, or gone for good) owes no round.</summary>
    public void Leave(ActorConnection connection, Round? current)
    {
        lock (_gate)
        {
            _members.Remove(connection);
        }

        current?.Done(connection);
    }

    /// <summary>
    /// Starts a round and returns when every member has done its part. A connection in the middle of a statement
    /// (queued behind a lock, a long query) owes nothing: how it stands is a fact of the server, which Ride reads.
    /// </summary>
    public Task Start()
    {
        Round round;
        TaskCompletionSource<Round> started;
        lock (_gate)
        {
            round = new Round(_members.Where(m => !m.Busy));
            started = _next;
            _next = NewSource();
        }

        started.SetResult(round);
        return round.Completed;
    }

    private static TaskCompletionSource<Round> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

internal sealed class Round
{
    private readonly object _gate = new();
    private readonly HashSet<ActorConnection> _pending;
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Round(IEnumerable<ActorConnection> members)
    {
        _pending = members.ToHashSet();
        if (_pending.Count == 0)
        {
            _completed.SetResult();
        }
    }

    public Task Completed => _completed.Task;

    public void Done(ActorConnection connection)
    {
        lock (_gate)
        {
            if (_pending.Remove(connection) && _pending.Count == 0)
            {
                _completed.TrySetResult();
            }
        }
    }
}
