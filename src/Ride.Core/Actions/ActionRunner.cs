using Npgsql;
using Ride.Common;
using Ride.Engines;
using Ride.Evidence;
using Ride.Scenarios;
using Ride.Sessions;

namespace Ride.Actions;

/// <summary>What a safe action did: done, or unchanged when what it brings about was already so.</summary>
public sealed class RideActionResult
{
    public const string Done = "done";
    public const string Unchanged = "unchanged";

    public string SessionId { get; init; } = "";
    public string Action { get; init; } = "";
    public string Node { get; init; } = "";
    public string Outcome { get; init; } = "";
    public string Detail { get; init; } = "";
    public DateTimeOffset Time { get; init; }

    public override string ToString() => $"{Action} {Node}: {Outcome} ({Detail})";
}

/// <summary>
/// Runs a safe action the scenario allows, on the node it concerns, idempotently: an action whose result already
/// holds changes nothing and says so. Every attempt goes to the evidence log with its outcome, refusals included.
/// </summary>
public sealed class ActionRunner
{
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PromoteTimeout = TimeSpan.FromSeconds(60);

    private readonly RideContext _context;

    public ActionRunner(RideContext context) => _context = context;

    /// <summary>The actions a scenario allows, or ActionNotAllowed naming them.</summary>
    public static void EnsureAllowed(ScenarioDefinition definition, string action)
    {
        if (!definition.Actions.Contains(action, StringComparer.Ordinal))
        {
            var allowed = definition.Actions.Count == 0 ? "This drill allows no actions." : "Allowed here: " + string.Join(", ", definition.Actions) + ".";
            throw new RideException("ActionNotAllowed", RideErrorCategory.InvalidArgument,
                $"'{action}' is not an action of {definition.Id}. {allowed}", action);
        }
    }

    /// <summary>The node an action would act on, for confirmation prompts; throws what RunAsync would throw.</summary>
    public static NodeRecord TargetOf(SessionRecord state, string action, string? node) => action switch
    {
        SafeActions.StartPrimary => node is { Length: > 0 } ? state.Node(node) : state.Nodes.FirstOrDefault(n => n.Role == NodeRole.Primary) ?? state.Node(node),
        SafeActions.StopNode => node is { Length: > 0 }
            ? state.Node(node)
            : throw new RideException("NodeRequired", RideErrorCategory.InvalidArgument,
                $"stop-node stops one node: name it with -Node ({string.Join(", ", state.Nodes.Select(n => n.Name))}).", action),
        SafeActions.PromoteReplica => node is { Length: > 0 } ? state.Node(node) : OnlyReplica(state),
        SafeActions.FenceOldPrimary => node is { Length: > 0 }
            ? state.Node(node)
            : state.Nodes.FirstOrDefault(n => n.Role == NodeRole.FormerPrimary && !n.Fenced) ?? state.Primary,
        SafeActions.WaitForReplicaCatchup => node is { Length: > 0 } ? state.Node(node) : OnlyReplica(state),
        SafeActions.RepointWriteEndpoint or SafeActions.ReloadPooler => node is { Length: > 0 } ? state.Node(node) : OnlyPooler(state, action),
        _ => state.Node(node),
    };

    /// <summary>Runs an action; the incident's own (<paramref name="incident"/>) need not be allowed to the operator and are not their evidence.</summary>
    public async Task<RideActionResult> RunAsync(SessionRecord state, ScenarioDefinition definition, string action, string? node,
        CancellationToken cancellationToken, bool incident = false)
    {
        if (!incident)
        {
            EnsureAllowed(definition, action);
            if (state.Nodes.Count > 1)
            {
                await ReconcilePromotionsAsync(state, cancellationToken).ConfigureAwait(false);
            }
        }

        var target = TargetOf(state, action, node);
        (string Outcome, string Detail) result;
        try
        {
            var handle = await _context.Engines.OpenAsync(target, cancellationToken).ConfigureAwait(false);
            result = action switch
            {
                SafeActions.StartPrimary => await StartPrimaryAsync(target, handle, cancellationToken).ConfigureAwait(false),
                SafeActions.StopNode => await StopNodeAsync(handle, cancellationToken).ConfigureAwait(false),
                SafeActions.PromoteReplica => await PromoteAsync(state, target, cancellationToken).ConfigureAwait(false),
                SafeActions.FenceOldPrimary => await FenceAsync(target, handle, cancellationToken).ConfigureAwait(false),
                SafeActions.WaitForReplicaCatchup => await WaitForCatchUpAsync(state, target, cancellationToken).ConfigureAwait(false),
                SafeActions.RestoreAppPgHba => await RestorePgHbaAsync(state, target, handle, cancellationToken).ConfigureAwait(false),
                SafeActions.RepointWriteEndpoint => await RepointAsync(state, target, handle, cancellationToken).ConfigureAwait(false),
                SafeActions.ReloadPooler => await ReloadPoolerAsync(target, handle, cancellationToken).ConfigureAwait(false),
                _ => throw new RideException("ActionNotAllowed", RideErrorCategory.InvalidArgument, $"'{action}' is not a safe action.", action),
            };
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
        {
            // A server the action needs does not answer: a refusal like any other, never a broken submission.
            var failed = new RideException("ActionFailed", RideErrorCategory.ResourceUnavailable,
                $"{action} on {target.Name} could not reach a server it needs: {ex.Message}", target.Name, ex);
            if (!incident)
            {
                await RecordAsync(state, action, target.Name, "refused: " + failed.Message, cancellationToken).ConfigureAwait(false);
            }

            throw failed;
        }
        catch (RideException refused) when (!incident)
        {
            await RecordAsync(state, action, target.Name, "refused: " + refused.Message, cancellationToken).ConfigureAwait(false);
            throw;
        }

        var saved = await _context.Sessions.UpdateAsync(state.SessionId, s => s.Nodes = state.Nodes, cancellationToken).ConfigureAwait(false);
        if (!incident)
        {
            await RecordAsync(saved, action, target.Name, $"{result.Outcome}: {result.Detail}", cancellationToken).ConfigureAwait(false);
        }

        return new RideActionResult
        {
            SessionId = state.SessionId, Action = action, Node = target.Name, Outcome = result.Outcome, Detail = result.Detail, Time = DateTimeOffset.UtcNow,
        };
    }

    /// <summary>
    /// A replica promoted without Ride (pg_promote() in a fix or the operator's psql) is the primary from then on, as if
    /// promote-replica had run: Ride's picture of the topology follows, and the promotion is evidence like the action.
    /// </summary>
    public async Task ReconcilePromotionsAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        var connections = new SessionConnections(state);
        foreach (var replica in state.Nodes.Where(n => n.Role == NodeRole.Replica && !n.StoppedOnPurpose).ToList())
        {
            bool recovering;
            try
            {
                await using var connection = await connections.OpenSystemAsync("postgres", cancellationToken, replica.Name).ConfigureAwait(false);
                recovering = await SessionConnections.ScalarAsync<bool>(connection, "SELECT pg_is_in_recovery()", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
            {
                continue;
            }

            if (recovering)
            {
                continue;
            }

            foreach (var old in state.Nodes.Where(n => n.Role == NodeRole.Primary))
            {
                old.Role = NodeRole.FormerPrimary;
            }

            replica.Role = NodeRole.Primary;
            replica.Upstream = null;
            var saved = await _context.Sessions.UpdateAsync(state.SessionId, s => s.Nodes = state.Nodes, cancellationToken).ConfigureAwait(false);
            await RecordAsync(saved, SafeActions.PromoteReplica, replica.Name, "done: promoted outside Ride (pg_promote() or pg_ctl promote); Ride found it out of recovery",
                cancellationToken).ConfigureAwait(false);
        }
    }

    private Task RecordAsync(SessionRecord state, string action, string node, string outcome, CancellationToken cancellationToken) =>
        _context.EvidenceOf(state.SessionId).AppendAsync(EvidenceKinds.Action, action, state.Resets, cancellationToken,
            new Dictionary<string, string> { ["node"] = node }, outcome);

    private static NodeRecord OnlyReplica(SessionRecord state)
    {
        var replicas = state.Nodes.Where(n => n.Role == NodeRole.Replica).ToList();
        return replicas.Count == 1
            ? replicas[0]
            : throw new RideException("NodeRequired", RideErrorCategory.InvalidArgument, replicas.Count == 0
                ? $"Session {state.SessionId} has no replica."
                : $"Session {state.SessionId} has {replicas.Count} replicas: name one with -Node ({string.Join(", ", replicas.Select(r => r.Name))}).", state.SessionId);
    }

    private static NodeRecord OnlyPooler(SessionRecord state, string action)
    {
        var poolers = state.Nodes.Where(n => n.Role == NodeRole.Pooler).ToList();
        return poolers.Count == 1
            ? poolers[0]
            : throw new RideException(poolers.Count == 0 ? "ActionInvalidForNode" : "NodeRequired", RideErrorCategory.InvalidArgument, poolers.Count == 0
                ? $"{action} acts on a pooler, and session {state.SessionId} has none."
                : $"Session {state.SessionId} has {poolers.Count} poolers: name one with -Node ({string.Join(", ", poolers.Select(r => r.Name))}).", state.SessionId);
    }

    /// <summary>The pooler in front of the current primary: the applications' writes go wherever it points.</summary>
    private static async Task<(string, string)> RepointAsync(SessionRecord state, NodeRecord target, ISandboxNode handle, CancellationToken cancellationToken)
    {
        if (handle is not IPoolerNode pooler)
        {
            throw new RideException("ActionInvalidForNode", RideErrorCategory.InvalidOperation,
                $"Node {target.Name} is a {Describe(target.Role)}: the write endpoint is the pooler the applications connect through. Nothing was changed.", target.Name);
        }

        var primary = state.Primary;
        if (target.Upstream == primary.Name)
        {
            return (RideActionResult.Unchanged, $"{target.Name} already sends every database to {primary.Name}");
        }

        var before = target.Upstream;
        await pooler.PointAtAsync(primary, cancellationToken).ConfigureAwait(false);
        return (RideActionResult.Done, $"{target.Name} sends every database to {primary.Name} now (it sent them to {before}); its clients stay connected");
    }

    private static async Task<(string, string)> ReloadPoolerAsync(NodeRecord target, ISandboxNode handle, CancellationToken cancellationToken)
    {
        if (target.Role != NodeRole.Pooler)
        {
            throw new RideException("ActionInvalidForNode", RideErrorCategory.InvalidOperation,
                $"Node {target.Name} is a {Describe(target.Role)}, not a pooler: reload a server's configuration with SELECT pg_reload_conf(). Nothing was changed.", target.Name);
        }

        if (!await handle.IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new RideException("ActionInvalidForNode", RideErrorCategory.InvalidOperation, $"PgBouncer on {target.Name} is not running. Nothing was changed.", target.Name);
        }

        await handle.ReloadAsync(cancellationToken).ConfigureAwait(false);
        return (RideActionResult.Done, $"{target.Name} read {PgBouncer.IniFile} again");
    }

    private static async Task<(string, string)> StartPrimaryAsync(NodeRecord target, ISandboxNode handle, CancellationToken cancellationToken)
    {
        if (target.Fenced)
        {
            throw new RideException("ActionInvalidForNode", RideErrorCategory.InvalidOperation,
                $"Node {target.Name} is fenced: it stays down so it never takes writes again. Nothing was changed.", target.Name);
        }

        if (target.Role != NodeRole.Primary)
        {
            throw new RideException("ActionInvalidForNode", RideErrorCategory.InvalidOperation, target.Role == NodeRole.FormerPrimary
                ? $"Node {target.Name} was the primary before a promotion: starting it again would give the applications two primaries. Nothing was changed."
                : $"Node {target.Name} is a {Describe(target.Role)}, not the primary. Nothing was changed.", target.Name);
        }

        if (await handle.IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            return (RideActionResult.Unchanged, $"{target.Name} was already running");
        }

        await handle.StartAsync(cancellationToken).ConfigureAwait(false);
        target.StoppedOnPurpose = false;
        return (RideActionResult.Done, $"{target.Name} started on the data it had");
    }

    private static async Task<(string, string)> StopNodeAsync(ISandboxNode handle, CancellationToken cancellationToken)
    {
        var name = handle.Record.Name;
        if (!await handle.IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            return (RideActionResult.Unchanged, $"{name} was already stopped");
        }

        await handle.StopAsync(NodeStopMode.Fast, cancellationToken).ConfigureAwait(false);
        handle.Record.StoppedOnPurpose = true;
        return (RideActionResult.Done, $"{name} stopped (fast shutdown)");
    }

    /// <summary>pg_promote on the replica, waiting until it accepts writes; the primary before it is a former primary from then on.</summary>
    private static async Task<(string, string)> PromoteAsync(SessionRecord state, NodeRecord target, CancellationToken cancellationToken)
    {
        if (target.Role != NodeRole.Replica)
        {
            throw new RideException("ActionInvalidForNode", RideErrorCategory.InvalidOperation,
                $"Node {target.Name} is a {Describe(target.Role)}: only a replica can be promoted. Nothing was changed.", target.Name);
        }

        await using var connection = await new SessionConnections(state).OpenSystemAsync("postgres", cancellationToken, target.Name).ConfigureAwait(false);
        await using (var promote = new NpgsqlCommand("SELECT pg_promote(true, @seconds)", connection))
        {
            promote.Parameters.AddWithValue("seconds", (int)PromoteTimeout.TotalSeconds);
            if (await promote.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                throw new RideException("ActionFailed", RideErrorCategory.OperationTimeout,
                    $"{target.Name} did not finish its promotion within {PromoteTimeout.TotalSeconds} seconds.", target.Name);
            }
        }

        var timeline = await SessionConnections.ScalarAsync<int>(connection, "SELECT timeline_id FROM pg_control_checkpoint()", cancellationToken)
            .ConfigureAwait(false);
        foreach (var old in state.Nodes.Where(n => n.Role == NodeRole.Primary))
        {
            old.Role = NodeRole.FormerPrimary;
        }

        target.Role = NodeRole.Primary;
        target.Upstream = null;
        return (RideActionResult.Done, $"{target.Name} is the primary now (accepts writes; checkpoint timeline {timeline})");
    }

    private static async Task<(string, string)> FenceAsync(NodeRecord target, ISandboxNode handle, CancellationToken cancellationToken)
    {
        if (target.Role is not (NodeRole.Primary or NodeRole.FormerPrimary))
        {
            throw new RideException("ActionInvalidForNode", RideErrorCategory.InvalidOperation,
                $"Node {target.Name} is a {Describe(target.Role)}: only a primary, or the primary before a promotion, is fenced. Nothing was changed.", target.Name);
        }

        var running = await handle.IsRunningAsync(cancellationToken).ConfigureAwait(false);
        if (target.Fenced && !running)
        {
            return (RideActionResult.Unchanged, $"{target.Name} was already fenced");
        }

        await handle.StopAsync(NodeStopMode.Immediate, cancellationToken).ConfigureAwait(false);
        target.Fenced = true;
        target.StoppedOnPurpose = true;
        return (RideActionResult.Done, running ? $"{target.Name} stopped at once and fenced" : $"{target.Name} was down; now fenced");
    }

    /// <summary>Until the replica has replayed everything its upstream had written when the wait began.</summary>
    private static async Task<(string, string)> WaitForCatchUpAsync(SessionRecord state, NodeRecord target, CancellationToken cancellationToken)
    {
        if (target.Role != NodeRole.Replica)
        {
            throw new RideException("ActionInvalidForNode", RideErrorCategory.InvalidOperation,
                $"Node {target.Name} is a {Describe(target.Role)}: only a replica catches up. Nothing was changed.", target.Name);
        }

        var connections = new SessionConnections(state);
        await using var replica = await connections.OpenSystemAsync("postgres", cancellationToken, target.Name).ConfigureAwait(false);
        string goal;
        var upstreamDown = false;
        try
        {
            await using var upstream = await connections.OpenSystemAsync("postgres", cancellationToken, target.Upstream).ConfigureAwait(false);
            goal = (await SessionConnections.ScalarAsync<string>(upstream, "SELECT pg_current_wal_lsn()::text", cancellationToken).ConfigureAwait(false))!;
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
        {
            // The upstream is down (the usual reason to wait before a promotion): catching up means replaying everything received.
            upstreamDown = true;
            goal = await SessionConnections.ScalarAsync<string>(replica, "SELECT pg_last_wal_receive_lsn()::text", cancellationToken).ConfigureAwait(false)
                   ?? throw new RideException("ActionFailed", RideErrorCategory.InvalidOperation,
                       $"{target.Name} has received no WAL from {target.Upstream}, which is not reachable: there is nothing to catch up with.", target.Name);
        }

        var seen = "";
        try
        {
            await Poll.UntilAsync($"{target.Name} to replay up to {goal}", CatchUpTimeout, TimeSpan.FromMilliseconds(50), async token =>
                {
                    await using var command = new NpgsqlCommand(
                        "SELECT pg_last_wal_replay_lsn() >= @goal::pg_lsn, pg_is_wal_replay_paused(), coalesce(pg_last_wal_replay_lsn()::text, 'none')", replica);
                    command.Parameters.AddWithValue("goal", goal);
                    await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                    await reader.ReadAsync(token).ConfigureAwait(false);
                    seen = reader.GetString(2);
                    if (!reader.IsDBNull(0) && reader.GetBoolean(0))
                    {
                        return PollProbe<bool>.Finished(true);
                    }

                    if (reader.GetBoolean(1))
                    {
                        throw new RideException("ActionFailed", RideErrorCategory.InvalidOperation,
                            $"Replay on {target.Name} is paused at {seen}: it cannot catch up until replay resumes (pg_wal_replay_resume()).", target.Name);
                    }

                    return PollProbe<bool>.Waiting(false, "replayed up to " + seen);
                }, cancellationToken).ConfigureAwait(false);
        }
        catch (PollTimeoutException)
        {
            throw new RideException("ActionFailed", RideErrorCategory.OperationTimeout,
                $"{target.Name} had replayed up to {seen}, not {goal}, after {CatchUpTimeout.TotalSeconds} seconds.", target.Name);
        }

        return (RideActionResult.Done, upstreamDown
            ? $"{target.Name} replayed everything it had received ({goal}); its upstream {target.Upstream} is not reachable"
            : $"{target.Name} replayed up to {goal}");
    }

    private static async Task<(string, string)> RestorePgHbaAsync(SessionRecord state, NodeRecord target, ISandboxNode handle, CancellationToken cancellationToken)
    {
        if (target.Role == NodeRole.Pooler)
        {
            throw new RideException("ActionInvalidForNode", RideErrorCategory.InvalidOperation,
                $"Node {target.Name} is a pooler: pg_hba.conf belongs to a database node (the pooler fronts {target.Upstream}). Nothing was changed.", target.Name);
        }

        var template = target.Engine == EngineKind.Docker ? HostBasedAuthentication.Docker : HostBasedAuthentication.Local;
        if (await handle.ReadFileAsync("pg_hba.conf", cancellationToken).ConfigureAwait(false) == template)
        {
            return (RideActionResult.Unchanged, $"pg_hba.conf of {target.Name} was already Ride's");
        }

        await handle.WriteFileAsync("pg_hba.conf", template, cancellationToken).ConfigureAwait(false);
        await ConfigurationReload.ReloadAsync(target.RideEndpoint, state.SuperUser, state.SuperPassword, cancellationToken).ConfigureAwait(false);
        return (RideActionResult.Done, $"pg_hba.conf of {target.Name} rewritten from Ride's template and reloaded");
    }

    private static string Describe(NodeRole role) => role switch
    {
        NodeRole.FormerPrimary => "former primary",
        _ => role.ToString().ToLowerInvariant(),
    };
}
