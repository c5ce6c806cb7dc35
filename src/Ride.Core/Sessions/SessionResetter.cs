using Ride.Engines;
using Ride.Evidence;
using Ride.Scenarios;

namespace Ride.Sessions;

/// <summary>Reset: back to the start of the incident without a new server.</summary>
public sealed class SessionResetter
{
    /// <summary>How sessions are snapshotted after setup and restored on Reset.</summary>
    internal static readonly ISessionSnapshot Snapshot = new DatabaseSnapshot();

    private readonly RideContext _context;

    public SessionResetter(RideContext context) => _context = context;

    /// <summary>
    /// Back to the start of the incident: actors paused, databases restored from the snapshot, incident applied again.
    /// A sandbox a fix left beyond repair (its server gone, Ride's logins refused, its snapshot dropped) is rebuilt instead,
    /// on the same session: same passwords, new servers.
    /// </summary>
    public async Task<SessionRecord> ResetAsync(SessionRecord state, IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        var scenario = ScenarioCatalog.Load(state.ScenarioPath);
        var directory = _context.SessionDirectory(state.SessionId);
        string? rebuilt = null;
        try
        {
            if (state.Nodes.Count > 1)
            {
                await new Actions.ActionRunner(_context).ReconcilePromotionsAsync(state, cancellationToken).ConfigureAwait(false);
            }

            if (state.Nodes.FirstOrDefault(n => n.Role == NodeRole.FormerPrimary || n.Fenced) is { } changed)
            {
                // A promotion or a fence is not undone by SQL: the topology is built again as the incident began.
                throw new Common.RideException("TopologyChanged", Common.RideErrorCategory.InvalidOperation,
                    $"node {changed.Name} is {(changed.Role == NodeRole.FormerPrimary ? "a former primary" : "fenced")}", changed.Name);
            }

            await StartStoppedNodesAsync(state, cancellationToken).ConfigureAwait(false);

            var primary = await new SessionHealth(_context).EnsurePrimaryAsync(state, cancellationToken).ConfigureAwait(false);
            progress.Report(new SandboxProgress("Pausing the actors", 10));
            var paused = await _context.Actors.PauseAsync(directory, state.ActorsPid, cancellationToken).ConfigureAwait(false);
            await RestartPoolersAsync(state, cancellationToken).ConfigureAwait(false);

            progress.Report(new SandboxProgress("Restoring the databases", 30));
            await Snapshot.RestoreAsync(state, scenario.Definition, new SessionConnections(state), cancellationToken).ConfigureAwait(false);

            // Replicas replay the restore (and resume what the last incident paused) before the incident runs again.
            await Scoring.ReplicaCatchUp.ResumeAndWaitAsync(state, cancellationToken).ConfigureAwait(false);

            File.Delete(Path.Combine(directory, Workload.ActorFiles.AppLog));
            await new IncidentDriver(_context).StartAsync(primary, state, scenario, resumeActors: paused, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Unrecoverable(ex))
        {
            rebuilt = ex.Message;
            await RebuildAsync(state, scenario, progress, cancellationToken).ConfigureAwait(false);
        }

        var reset = await _context.Sessions.UpdateAsync(state.SessionId, s =>
        {
            s.Nodes = state.Nodes;
            s.ActorsPid = state.ActorsPid;
            s.IncidentAt = state.IncidentAt;
            s.HintsUsed = 0;
            s.Resets++;
            s.Status = SessionStatus.Running;
        }, cancellationToken).ConfigureAwait(false);
        await _context.EvidenceOf(state.SessionId).AppendAsync(EvidenceKinds.Reset, scenario.Id, reset.Resets, cancellationToken,
            outcome: rebuilt is null ? "restored" : "rebuilt: " + rebuilt).ConfigureAwait(false);
        return reset;
    }

    /// <summary>Servers stopped on purpose (by the incident or an action) run again before the restore; the incident stops them again.</summary>
    private async Task StartStoppedNodesAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        foreach (var node in state.Nodes.Where(n => n.StoppedOnPurpose))
        {
            var handle = await _context.Engines.OpenAsync(node, cancellationToken).ConfigureAwait(false);
            try
            {
                await handle.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Common.RideException cannot)
            {
                throw new Common.RideException("TopologyChanged", Common.RideErrorCategory.InvalidOperation,
                    $"node {node.Name} was stopped and cannot start again ({cannot.Message})", node.Name, cannot);
            }

            node.StoppedOnPurpose = false;
        }
    }

    /// <summary>
    /// PgBouncer starts afresh from its file: what the operator changed on its console (SET, PAUSE, DISABLE) is gone,
    /// and so are its pools and counters.
    /// </summary>
    private async Task RestartPoolersAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        foreach (var node in state.Nodes.Where(n => n.Role == NodeRole.Pooler))
        {
            var handle = await _context.Engines.OpenAsync(node, cancellationToken).ConfigureAwait(false);
            await handle.RestartAsync(NodeStopMode.Fast, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What a snapshot restore cannot come back from: the server is gone, Ride cannot log in or lost its powers, or its snapshot was dropped.</summary>
    private static bool Unrecoverable(Exception ex) => ex switch
    {
        Common.RideException ride => ride.ErrorId is "SessionLost" or "TopologyChanged",
        Npgsql.PostgresException pg => pg.SqlState is "28000" or "28P01" or "3D000" or "42P01" or "42704" or "42501",
        Npgsql.NpgsqlException => true,
        _ => false,
    };

    private async Task RebuildAsync(SessionRecord state, RideScenario scenario, IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        progress.Report(new SandboxProgress("The sandbox is beyond repair: rebuilding it", 20));
        await _context.Actors.StopAsync(_context.SessionDirectory(state.SessionId), state.ActorsPid, cancellationToken).ConfigureAwait(false);
        var image = state.Nodes.FirstOrDefault()?.Image;
        using var engine = await _context.Engines.ForNodeAsync(state.Primary, cancellationToken).ConfigureAwait(false);
        foreach (var node in state.Nodes)
        {
            await engine.Open(node).RemoveAsync(cancellationToken).ConfigureAwait(false);
        }

        state.Nodes.Clear();
        File.Delete(Path.Combine(_context.SessionDirectory(state.SessionId), Workload.ActorFiles.AppLog));
        await new SessionLauncher(_context).BuildAsync(engine, state, scenario, image, progress, cancellationToken).ConfigureAwait(false);
    }
}
