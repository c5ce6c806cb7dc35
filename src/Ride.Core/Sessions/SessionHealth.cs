using Ride.Common;
using Ride.Engines;

namespace Ride.Sessions;

/// <summary>Whether a session's servers are still there.</summary>
public sealed class SessionHealth
{
    private readonly RideContext _context;

    public SessionHealth(RideContext context) => _context = context;

    /// <summary>Running while every node runs; Lost as soon as one is gone.</summary>
    public async Task<string> StatusAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        if (state.Status == SessionStatus.Starting || state.Nodes.Count == 0)
        {
            return state.Status;
        }

        foreach (var node in state.Nodes)
        {
            if (!await IsRunningAsync(node, cancellationToken).ConfigureAwait(false))
            {
                return SessionStatus.Lost;
            }
        }

        return SessionStatus.Running;
    }

    public async Task<bool> IsRunningAsync(NodeRecord node, CancellationToken cancellationToken)
    {
        try
        {
            return await (await _context.Engines.OpenAsync(node, cancellationToken).ConfigureAwait(false)).IsRunningAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RideException)
        {
            return false;
        }
    }

    /// <summary>The primary's handle, or SessionLost when its server is gone.</summary>
    public async Task<ISandboxNode> EnsurePrimaryAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        var primary = await _context.Engines.OpenAsync(state.Primary, cancellationToken).ConfigureAwait(false);
        if (!await primary.IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new RideException("SessionLost", RideErrorCategory.ResourceUnavailable,
                $"The sandbox of session {state.SessionId} is no longer running. Remove it with Stop-RideScenario -Session {state.SessionId} and start a new one.",
                state.SessionId);
        }

        return primary;
    }
}
