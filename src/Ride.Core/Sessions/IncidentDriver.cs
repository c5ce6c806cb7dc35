using Npgsql;
using Ride.Common;
using Ride.Engines;
using Ride.Scenarios;
using Ride.Scoring;
using Ride.Workload;

namespace Ride.Sessions;

/// <summary>
/// Brings the incident to life: the actors up, the incident applied, the baseline recorded, and then the scenario's own
/// condition for "live" awaited, so a fix submitted the instant Start or Reset returns meets the incident.
/// </summary>
internal sealed class IncidentDriver
{
    private static readonly TimeSpan ActorsConnectTimeout = TimeSpan.FromSeconds(60);

    private readonly RideContext _context;

    public IncidentDriver(RideContext context) => _context = context;

    public async Task StartAsync(ISandboxNode primary, SessionRecord state, RideScenario scenario, bool resumeActors,
        IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        var definition = scenario.Definition;
        var directory = _context.SessionDirectory(state.SessionId);
        progress.Report(new SandboxProgress("Starting the application actors", 75));
        if (resumeActors)
        {
            ActorLauncher.Resume(directory);
        }
        else
        {
            state.ActorsPid = await _context.Actors.StartAsync(ActorPlan.For(state, definition, directory), paused: false, cancellationToken).ConfigureAwait(false);
            _context.Sessions.Save(state);
        }

        await WaitForConnectsAsync(state, directory, definition.Actors.Where(a => !a.StartAfterIncident), cancellationToken).ConfigureAwait(false);

        progress.Report(new SandboxProgress("Applying the incident", 85));
        await ScenarioSeeder.RunIncidentAsync(_context, state, scenario, cancellationToken).ConfigureAwait(false);
        state.IncidentAt = DateTimeOffset.UtcNow;
        await ActorLauncher.CueIncidentAsync(directory, state.IncidentAt.Value, cancellationToken).ConfigureAwait(false);
        await WaitForConnectsAsync(state, directory, definition.Actors.Where(a => a.StartAfterIncident), cancellationToken).ConfigureAwait(false);

        // One pass, one login per database, for both baselines; an incident that stopped the primary leaves none to take.
        if (state.Primary.StoppedOnPurpose)
        {
            File.Delete(Path.Combine(directory, SessionBaseline.FileName));
        }
        else
        {
            await using var pass = new ScopedConnections(state);
            await RecordBaselineAsync(definition, pass, cancellationToken).ConfigureAwait(false);
            await RecordSessionBaselineAsync(definition, directory, state.Primary.Name, pass, cancellationToken).ConfigureAwait(false);
        }

        progress.Report(new SandboxProgress("Waiting for the incident to be live", 92));
        await WaitUntilLiveAsync(state, definition, directory, new SessionConnections(state), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until every connection of the actors that keep one has logged its connect. The actors' own log is read,
    /// not pg_stat_activity, so Ride holds no connection of its own while a scenario fills the server's slots.
    /// </summary>
    private async Task WaitForConnectsAsync(SessionRecord state, string directory, IEnumerable<ActorDefinition> actors, CancellationToken cancellationToken)
    {
        var steady = actors.Where(a => a.HoldsConnections).ToDictionary(a => a.Name, a => a.Connections);
        var expected = steady.Values.Sum();
        if (expected == 0)
        {
            return;
        }

        var goneSince = (DateTime?)null;
        try
        {
            await Poll.UntilAsync($"{expected} application connection(s) to come up", ActorsConnectTimeout, TimeSpan.FromMilliseconds(25), () =>
                {
                    var connected = AppLog.Read(directory)
                        .Where(e => e.Event == AppLogEvents.Connect && e.Ok && steady.ContainsKey(e.Actor))
                        .Select(e => (e.Actor, e.Connection))
                        .Distinct()
                        .Count();
                    if (connected >= expected)
                    {
                        return PollProbe<int>.Finished(connected);
                    }

                    // A process caught mid-exec can look gone for an instant: only give up when it stays gone.
                    goneSince = ActorLauncher.IsRunning(state.ActorsPid, directory) ? null : goneSince ?? DateTime.UtcNow;
                    if (goneSince is { } since && DateTime.UtcNow - since > TimeSpan.FromMilliseconds(200))
                    {
                        return PollProbe<int>.Finished(connected);
                    }

                    return PollProbe<int>.Waiting(connected, $"{connected} of {expected} connected");
                }, cancellationToken).ConfigureAwait(false);
        }
        catch (PollTimeoutException)
        {
            // Reported below with what the actors said.
        }

        var log = AppLog.Read(directory);
        var up = log.Where(e => e.Event == AppLogEvents.Connect && e.Ok && steady.ContainsKey(e.Actor)).Select(e => (e.Actor, e.Connection)).Distinct().Count();
        if (up >= expected)
        {
            return;
        }

        var output = Path.Combine(directory, ActorFiles.ProcessLog);
        var detail = File.Exists(output) ? Text.Tail(await File.ReadAllTextAsync(output, cancellationToken).ConfigureAwait(false)) : "";
        var refused = log.LastOrDefault(e => e.Event == AppLogEvents.Connect && !e.Ok);
        var reason = refused is null ? "" : $" Last refusal: {refused.Actor}: {refused.SqlState} {refused.Message}";
        if (!ActorLauncher.IsRunning(state.ActorsPid, directory))
        {
            reason += " The actors process exited.";
        }

        throw new RideException("ActorsStartFailed", RideErrorCategory.OpenError,
            $"Only {up} of {expected} application connections came up.{reason} {detail}".Trim(), state.SessionId);
    }

    /// <summary>What Trap checks compare against: the actors' backends at the start of the incident, and clean statistics.</summary>
    private static Task RecordBaselineAsync(ScenarioDefinition definition, ScopedConnections pass, CancellationToken cancellationToken) =>
        pass.WithSystemAsync(DatabaseSnapshot.BookkeepingDatabase, async connection =>
        {
            await SessionConnections.ExecuteAsync(connection, "TRUNCATE baseline_backends", cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand(
                """
                INSERT INTO baseline_backends (pid, application_name, datname, usename, backend_start)
                SELECT pid, application_name, datname, usename, backend_start FROM pg_stat_activity
                WHERE application_name = ANY(@names) AND backend_type = 'client backend'
                """, connection))
            {
                command.Parameters.AddWithValue("names", definition.Actors.Where(a => a.HoldsConnections).Select(a => a.ApplicationName).Distinct().ToArray());
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await SessionConnections.ExecuteAsync(connection, "SELECT pg_stat_statements_reset()", cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// What the catalog-wide traps and the outcome checks compare against, kept in the session folder where no fix
    /// reaches: the relations, columns and roles at the start of the incident, and the planner cost of the statements
    /// that Fix checks judge by their outcome.
    /// </summary>
    private static async Task RecordSessionBaselineAsync(ScenarioDefinition definition, string directory, string primaryName, ScopedConnections pass,
        CancellationToken cancellationToken)
    {
        var baseline = new SessionBaseline { State = await ClusterState.ReadAsync(pass, definition, cancellationToken).ConfigureAwait(false), Node = primaryName };
        foreach (var faster in definition.Checks.Fix.Concat(definition.Checks.Detect).Concat(definition.Checks.Trap).Select(c => c.Faster).OfType<FasterCondition>())
        {
            var actor = definition.Actors.First(a => a.Name == faster.Actor);
            if (await StatementCost.MeasureAsync(pass, actor, faster.Statement, cancellationToken).ConfigureAwait(false) is { Cost: { } cost })
            {
                baseline.Costs[SessionBaseline.CostKey(actor.Name, faster.Statement)] = cost;
            }
        }

        baseline.Save(directory);
    }

    /// <summary>The scenario's liveWhen: its query is true and its actors have run a request since the incident.</summary>
    private static async Task WaitUntilLiveAsync(SessionRecord state, ScenarioDefinition definition, string directory, SessionConnections connections,
        CancellationToken cancellationToken)
    {
        var live = definition.LiveWhen ?? throw new RideException("ScenarioInvalid", RideErrorCategory.InvalidData,
            $"{definition.Id} declares no liveWhen.", definition.Id);
        var actors = live.ActorsToAwait(definition);
        var database = live.Database.Length > 0 ? live.Database : ScenarioIds.DefaultDatabase;
        var description = $"the incident to be live (liveWhen: {Text.OneLine(live.Sql)}"
                          + (actors.Count > 0 ? $"; a request from {string.Join(", ", actors.Order())} since the incident)" : ")");
        try
        {
            await using var connection = await connections.OpenSystemAsync(database, cancellationToken, live.Node).ConfigureAwait(false);
            await Poll.UntilAsync(description, TimeSpan.FromSeconds(live.TimeoutSec), TimeSpan.FromMilliseconds(25), async token =>
                {
                    var requested = AppLog.Read(directory).Where(e => e.Event == AppLogEvents.Request && e.Time >= state.IncidentAt)
                        .Select(e => e.Actor).ToHashSet();
                    var missing = actors.Except(requested).Order().ToList();
                    if (missing.Count > 0)
                    {
                        return PollProbe<bool>.Waiting(false, "no request yet from " + string.Join(", ", missing));
                    }

                    var (holds, seen) = await CheckQuery.RunAsync(connection, live.Sql, token).ConfigureAwait(false);
                    return holds ? PollProbe<bool>.Finished(true) : PollProbe<bool>.Waiting(false, "liveWhen returned false: " + seen);
                }, cancellationToken).ConfigureAwait(false);
        }
        catch (PollTimeoutException timeout)
        {
            throw new RideException("IncidentNotLive", RideErrorCategory.OperationTimeout, timeout.Message, definition.Id, timeout);
        }
    }
}
