namespace Ride.Sessions;

/// <summary>Removes a session: its actors, every node, its network, its folder. Used by Stop and by a Start that failed.</summary>
public sealed class SessionTeardown
{
    private readonly RideContext _context;

    public SessionTeardown(RideContext context) => _context = context;

    /// <summary>Stops the actors and removes every node, the network and the folder; returns notes about what was already gone.</summary>
    public Task<IReadOnlyList<string>> RemoveAsync(SessionRecord state, CancellationToken cancellationToken) => RemoveAsync(state, cancellationToken, null);

    /// <summary>Every part is attempted even when one fails; the engine, when given, removes the network even if no node was made.</summary>
    internal async Task<IReadOnlyList<string>> RemoveAsync(SessionRecord state, CancellationToken cancellationToken, Engines.ISandboxEngine? engine)
    {
        var notes = new List<string>();
        var failures = new List<Exception>();
        try
        {
            await _context.Actors.StopAsync(_context.SessionDirectory(state.SessionId), state.ActorsPid, cancellationToken).ConfigureAwait(false);
            foreach (var node in state.Nodes)
            {
                try
                {
                    var handle = await _context.Engines.OpenAsync(node, cancellationToken).ConfigureAwait(false);
                    // A node stopped on purpose is not news.
                    if (await handle.RemoveAsync(cancellationToken).ConfigureAwait(false) is { } note && !node.StoppedOnPurpose)
                    {
                        notes.Add(state.Nodes.Count > 1 ? $"{node.Name}: {note}" : note);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failures.Add(ex);
                }
            }

            if (engine is not null)
            {
                await engine.RemoveNetworkAsync(state.SessionId, cancellationToken).ConfigureAwait(false);
            }
            else if (state.Engine == Engines.EngineKind.Docker && state.Nodes.FirstOrDefault() is { } any)
            {
                using var owner = await _context.Engines.ForNodeAsync(any, cancellationToken).ConfigureAwait(false);
                await owner.RemoveNetworkAsync(state.SessionId, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _context.Sessions.Delete(state.SessionId);
            SessionConnections.Forget(state);
        }

        if (failures.Count > 0)
        {
            throw failures[0];
        }

        return notes;
    }
}
