using Ride.Common;
using Ride.Engines;
using Ride.Evidence;
using Ride.Scenarios;

namespace Ride.Sessions;

/// <summary>Start: boots the session's nodes from the scenario's seeded snapshot and brings the incident to life.</summary>
public sealed class SessionLauncher
{
    private readonly RideContext _context;
    public SessionLauncher(RideContext context) => _context = context;

    /// <summary>
    /// What every sandbox holds before the scenario: pg_stat_statements everywhere (template1 carries it into new
    /// databases), the default database, and Ride's bookkeeping database. The Local engine prepares it once and copies it.
    /// </summary>
    internal static readonly ClusterPreparation Preparation = new(new[]
    {
        new PreparationStep("template1", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"),
        new PreparationStep("postgres", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"),
        new PreparationStep("postgres", $"CREATE DATABASE {Sql.Identifier(ScenarioIds.DefaultDatabase)}"),
        new PreparationStep("postgres", $"CREATE DATABASE {Sql.Identifier(DatabaseSnapshot.BookkeepingDatabase)}"),
        new PreparationStep(DatabaseSnapshot.BookkeepingDatabase, DatabaseSnapshot.BaselineTable),
    });

    public async Task<SessionRecord> StartAsync(RideScenario scenario, EngineKind engineKind, string? image, IProgress<SandboxProgress> progress,
        CancellationToken cancellationToken)
    {
        progress.Report(new SandboxProgress("Choosing an engine", 2));
        using var engine = await _context.Engines.CreateAsync(engineKind, cancellationToken).ConfigureAwait(false);
        var definition = scenario.Definition;
        var state = new SessionRecord
        {
            SessionId = Secrets.NewSessionId(),
            ScenarioId = scenario.Id,
            ScenarioPath = scenario.Path,
            Engine = engine.Kind,
            StartedAt = DateTimeOffset.UtcNow,
            SuperPassword = Secrets.NewPassword(),
            OperatorRole = definition.OperatorRole,
            OperatorPassword = Secrets.NewPassword(),
            RolePasswords = definition.Roles.ToDictionary(r => r.Name, _ => Secrets.NewPassword()),
        };
        _context.Sessions.Save(state);
        try
        {
            state.Network = await engine.CreateNetworkAsync(state.SessionId, cancellationToken).ConfigureAwait(false);
            await BuildAsync(engine, state, scenario, image, progress, cancellationToken).ConfigureAwait(false);
            await _context.EvidenceOf(state.SessionId).AppendAsync(EvidenceKinds.Start, scenario.Id, 0, cancellationToken,
                new Dictionary<string, string> { ["engine"] = engine.Kind.ToString() }).ConfigureAwait(false);
            progress.Report(new SandboxProgress("Ready", 100));
            return state;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Never leave a half-made sandbox behind.
            await new SessionTeardown(_context).RemoveAsync(state, CancellationToken.None, engine).ConfigureAwait(false);
            if (ex is RideException or OperationCanceledException)
            {
                throw;
            }

            throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError, $"Starting {scenario.Id} failed: {ex.Message}", scenario.Id, ex);
        }
    }

    /// <summary>
    /// Everything after the engine and the network: the nodes (the primary cloned from the scenario's seed), the live incident.
    /// Start does this once; a Reset that finds its sandbox beyond repair does it again on the same session.
    /// </summary>
    internal async Task BuildAsync(ISandboxEngine engine, SessionRecord state, RideScenario scenario, string? image, IProgress<SandboxProgress> progress,
        CancellationToken cancellationToken)
    {
        var definition = scenario.Definition;
        var directory = _context.SessionDirectory(state.SessionId);
        var declared = definition.Nodes.First(n => n.Role == NodeRoles.Primary);
        var primary = await engine.CreateNodeAsync(new NodeRequest
        {
            SessionId = state.SessionId,
            NodeName = declared.Name,
            SessionDirectory = directory,
            SuperUser = state.SuperUser,
            SuperPassword = state.SuperPassword,
            Image = image ?? _context.Options.Image,
            Network = state.Network,
            PreferredPort = _context.Options.PreferredPort,
            Settings = ServerSettings.For(definition.Settings),
            ArchiveBytes = definition.ArchiveSizeMb * 1024L * 1024L,
            Preparation = Preparation,
            Seed = ScenarioSeed.For(scenario, state.SuperUser),

            // A primary the operator may start again keeps its data where a stop does not lose it.
            DurableData = definition.Actions.Contains(Actions.SafeActions.StartPrimary),
        }, progress, cancellationToken).ConfigureAwait(false);
        state.Nodes.Add(primary.Record);
        _context.Sessions.Save(state);

        // The primary is a clone of the scenario's seed: its world is there, its passwords become the session's.
        progress.Report(new SandboxProgress("Giving the roles the session's passwords", 50));
        await ScenarioSeeder.GiveSessionPasswordsAsync(state, definition, new SessionConnections(state), cancellationToken).ConfigureAwait(false);

        await new ReplicaBuilder(_context).AddReplicasAsync(engine, state, definition, image, progress, cancellationToken).ConfigureAwait(false);
        await new PoolerBuilder(_context).AddPoolersAsync(engine, state, definition, progress, cancellationToken).ConfigureAwait(false);

        // The actors process starts paused (its plan names every node); it connects once the incident begins.
        state.ActorsPid = await _context.Actors.StartAsync(ActorPlan.For(state, definition, directory), paused: true, cancellationToken)
            .ConfigureAwait(false);
        _context.Sessions.Save(state);

        await new IncidentDriver(_context).StartAsync(primary, state, scenario, resumeActors: true, progress, cancellationToken).ConfigureAwait(false);
        state.Status = SessionStatus.Running;
        _context.Sessions.Save(state);
    }
}
