using Ride.Common;
using Ride.Engines;

namespace Ride.Sessions;

/// <summary>Whether a session's servers are still there.</summary>
public sealed class SessionHealth
{
    private readonly RideContext _context;

    public SessionHealth(RideContext context) => _context = context;

    /// <summary>Running while every node runs or is down on purpose; Lost as soon as one is gone without Ride stopping it.</summary>
    public async Task<string> StatusAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        if (state.Status == SessionStatus.Starting || state.Nodes.Count == 0)
        {
            return state.Status;
        }

        foreach (var node in state.Nodes)
        {
            if (await NodeStatusAsync(node, cancellationToken).ConfigureAwait(false) == NodeStatus.Lost)
            {
                return SessionStatus.Lost;
            }
        }

        return SessionStatus.Running;
    }

    /// <summary>The session's status and each node's, for Get-RideSession.</summary>
    public async Task<(string Status, IReadOnlyDictionary<string, string> Nodes)> DescribeAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        var nodes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in state.Nodes)
        {
            nodes[node.Name] = await NodeStatusAsync(node, cancellationToken).ConfigureAwait(false);
        }

        var status = state.Status == SessionStatus.Starting || state.Nodes.Count == 0 ? state.Status
            : nodes.Values.Contains(NodeStatus.Lost) ? SessionStatus.Lost
            : SessionStatus.Running;
        return (status, nodes);
    }

    /// <summary>One node: running, stopped or fenced on purpose, or lost.</summary>
    public async Task<string> NodeStatusAsync(NodeRecord node, CancellationToken cancellationToken) =>
        await IsRunningAsync(node, cancellationToken).ConfigureAwait(false) ? NodeStatus.Running
        : node.Fenced ? NodeStatus.Fenced
        : node.StoppedOnPurpose ? NodeStatus.Stopped
        : NodeStatus.Lost;

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
            if (state.Primary.StoppedOnPurpose)
            {
                throw new RideException("SessionLost", RideErrorCategory.ResourceUnavailable,
                    $"The primary ({state.Primary.Name}) of session {state.SessionId} is stopped: start it (Invoke-RideAction start-primary) "
                    + "or promote a replica, or Reset the session.", state.SessionId);
            }

            throw new RideException("SessionLost", RideErrorCategory.ResourceUnavailable,
                $"The sandbox of session {state.SessionId} is no longer running. Remove it with Stop-RideScenario -Session {state.SessionId} and start a new one.",
                state.SessionId);
        }

        return primary;
    }
}

/// <summary>What a node of a session is doing, as Get-RideSession shows it.</summary>
public static class NodeStatus
{
    public const string Running = "Running";
    public const string Stopped = "Stopped";
    public const string Fenced = "Fenced";
    public const string Lost = "Lost";
}
