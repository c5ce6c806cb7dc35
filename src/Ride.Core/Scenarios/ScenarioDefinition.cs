using Ride.Workload;

namespace Ride.Scenarios;

/// <summary>scenario.yml as written by a scenario author. Property names map to camelCase keys.</summary>
public sealed class ScenarioDefinition
{
    public string Id { get; set; } = "";
    /// <summary>Other full ids the drill answers to, such as a catalog page whose address spells the slug differently.</summary>
    public List<string> Aliases { get; set; } = new();
    public string Title { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Level { get; set; } = "";
    public string Duration { get; set; } = "";
    public string Briefing { get; set; } = "";
    public List<string> Databases { get; set; } = new();

    /// <summary>Server settings for this scenario, on top of the ones every sandbox has (e.g. max_connections).</summary>
    public Dictionary<string, string> Settings { get; set; } = new();

    /// <summary>
    /// When above 0, the primary gets an empty directory of this many megabytes at <see cref="Engines.NodeRequest.ArchiveDirectory"/>
    /// (a size-capped tmpfs), for a drill whose archive_command fills an archive without filling the machine.
    /// </summary>
    public int ArchiveSizeMb { get; set; }

    /// <summary>
    /// When given, the seed ages these databases by this many transactions (the next transaction id moved on with
    /// pg_resetwal while every other database is frozen), so age(datfrozenxid) is really that high.
    /// </summary>
    public TransactionAgeDefinition? TransactionAge { get; set; }

    /// <summary>The session's servers, named, with their roles; one primary called "primary" when not given.</summary>
    public List<NodeDefinition> Topology { get; set; } = new();

    /// <summary>The safe actions (operations that are not SQL) the operator may invoke in this drill.</summary>
    public List<string> Actions { get; set; } = new();
    public string OperatorRole { get; set; } = "dba";
    public List<RoleDefinition> Roles { get; set; } = new();
    public List<string> Setup { get; set; } = new() { "setup.sql" };
    public string Incident { get; set; } = "incident.sql";
    public List<ActorDefinition> Actors { get; set; } = new();

    /// <summary>What "the incident is live" means: Start and Reset return only once it holds.</summary>
    public LiveCondition? LiveWhen { get; set; }
    public List<string> Hints { get; set; } = new();
    public CheckSet Checks { get; set; } = new();

    /// <summary>How the catalog-wide traps apply to this drill: the moves that are part of its fix, and where the fix belongs.</summary>
    public CatalogTrapSettings CatalogTraps { get; set; } = new();
    public string Postmortem { get; set; } = "postmortem.md";
    public string Solution { get; set; } = "solution.sql";

    /// <summary>Every database a scenario uses, the default one first.</summary>
    public IEnumerable<string> AllDatabases => new[] { ScenarioIds.DefaultDatabase }.Concat(Databases);

    /// <summary>The nodes of the session. A scenario without a topology has one: the primary.</summary>
    public IReadOnlyList<string> NodeNames => Nodes.Select(n => n.Name).ToList();

    /// <summary>The topology as declared, or the single primary of a scenario that declares none.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public IReadOnlyList<NodeDefinition> Nodes =>
        Topology.Count > 0 ? Topology : new[] { new NodeDefinition { Name = Engines.NodeRecord.DefaultName, Role = NodeRoles.Primary } };
}

/// <summary>How far behind the seed leaves some databases' frozen transaction id.</summary>
public sealed class TransactionAgeDefinition
{
    /// <summary>The age(datfrozenxid) the databases have when the incident starts (rounded up to the next million or so).</summary>
    public long Age { get; set; }

    /// <summary>The scenario's databases that keep that age; every other database is frozen.</summary>
    public List<string> Databases { get; set; } = new();
}

/// <summary>One server of a session's topology.</summary>
public sealed class NodeDefinition
{
    public string Name { get; set; } = "";

    /// <summary>primary, replica or pooler.</summary>
    public string Role { get; set; } = "";

    /// <summary>Replica: the node it streams from. Pooler: the node it fronts.</summary>
    public string Of { get; set; } = "";

    /// <summary>Replica: streams through a physical replication slot on its upstream, named after the node.</summary>
    public bool Slot { get; set; }

    /// <summary>Pooler: PgBouncer's pool settings (pool_mode, default_pool_size, max_client_conn…).</summary>
    public Dictionary<string, string> Settings { get; set; } = new();
}

/// <summary>The roles a node of a topology can have, as scenario.yml spells them.</summary>
public static class NodeRoles
{
    public const string Primary = "primary";
    public const string Replica = "replica";
    public const string Pooler = "pooler";

    public static readonly IReadOnlyList<string> All = new[] { Primary, Replica, Pooler };
}

public sealed class RoleDefinition
{
    public string Name { get; set; } = "";
    public bool Login { get; set; } = true;
}

/// <summary>
/// The condition under which an incident counts as live: a query (first column boolean, optional second column what
/// it saw) that must return true, and the actors that must have run at least one request since the incident.
/// </summary>
public sealed class LiveCondition
{
    public string Sql { get; set; } = "";

    /// <summary>Database the query runs in (as ride_system); the default database when empty.</summary>
    public string Database { get; set; } = "";

    /// <summary>The node it runs on; the primary when empty.</summary>
    public string Node { get; set; } = "";

    /// <summary>Actors that must have logged a request after the incident; every loop actor when not given.</summary>
    public List<string>? Actors { get; set; }

    /// <summary>How long Start and Reset wait for the condition.</summary>
    public int TimeoutSec { get; set; } = 30;

    /// <summary>The actors whose requests are awaited: those named, else every loop actor.</summary>
    public IReadOnlyCollection<string> ActorsToAwait(ScenarioDefinition definition) =>
        (Actors ?? definition.Actors.Where(a => a.Mode == ActorModes.Loop).Select(a => a.Name).ToList()).ToHashSet();
}

public sealed class CheckSet
{
    public List<CheckDefinition> Detect { get; set; } = new();
    public List<CheckDefinition> Fix { get; set; } = new();
    public List<CheckDefinition> Trap { get; set; } = new();

    [YamlDotNet.Serialization.YamlIgnore]
    public IEnumerable<CheckDefinition> All => Detect.Concat(Fix).Concat(Trap);
}

public sealed class CheckDefinition
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public int Points { get; set; }

    /// <summary>Database the SQL runs in; the default database when empty.</summary>
    public string Database { get; set; } = "";

    /// <summary>Role the SQL runs as; ride_system when empty.</summary>
    public string Role { get; set; } = "";

    /// <summary>The node the SQL runs on; the primary when empty.</summary>
    public string Node { get; set; } = "";

    /// <summary>A query whose first column is a boolean (passed) and optional second column is evidence text.</summary>
    public string Sql { get; set; } = "";

    /// <summary>Ride commands whose use (in the evidence log) counts as evidence for this check (Detect).</summary>
    public List<string> Commands { get; set; } = new();

    /// <summary>Actors whose statements must all succeed when replayed once as that actor.</summary>
    public List<string> Workload { get; set; } = new();

    /// <summary>Detect: the operator looked at something (a read statement matching a pattern), where and before what.</summary>
    public LookCondition? Looked { get; set; }

    /// <summary>Fix: an actor's statement costs the planner at most a fraction of what it cost when the incident began.</summary>
    public FasterCondition? Faster { get; set; }

    /// <summary>Trap: the operator ran a statement matching one of these patterns (the trap is sprung when one did).</summary>
    public DidCondition? Did { get; set; }

    /// <summary>A safe action the operator ran (Detect, Fix: required; Trap: sprung when run, or when run without the one it must come after).</summary>
    public ActionCondition? Action { get; set; }
}

/// <summary>"Ran action X (on node N) (after action Y)", from the evidence log of the current Reset generation.</summary>
public sealed class ActionCondition
{
    public string Ran { get; set; } = "";

    /// <summary>The node it must have run on; any when empty.</summary>
    public string Node { get; set; } = "";

    /// <summary>An action that must have run before it; none when empty.</summary>
    public string After { get; set; } = "";
}

/// <summary>A move the operator made: one of their statements matches a pattern (case-insensitive regular expressions), in the database given.</summary>
public sealed class DidCondition
{
    public List<string> Any { get; set; } = new();

    /// <summary>The database the statement must have run in; any when empty.</summary>
    public string Database { get; set; } = "";
}

/// <summary>
/// "Looked at X in database Y before changing Z": one of the operator's statements, in order, matches one of the
/// patterns (case-insensitive regular expressions), ran in the database given, was a read (unless reads is false),
/// and came before the first statement that matches a pattern of before.
/// </summary>
public sealed class LookCondition
{
    public List<string> Any { get; set; } = new();

    /// <summary>The database the look must have run in; any when empty.</summary>
    public string Database { get; set; } = "";

    /// <summary>Statements the look must come before (the changes it should have informed); none when empty.</summary>
    public List<string> Before { get; set; } = new();

    /// <summary>Only statements that change nothing count as looking (default true).</summary>
    public bool Reads { get; set; } = true;
}

/// <summary>An actor's statement, judged on its outcome: its planner cost now against its cost at the start of the incident.</summary>
public sealed class FasterCondition
{
    public string Actor { get; set; } = "";

    /// <summary>Which of the actor's statements, from 1.</summary>
    public int Statement { get; set; } = 1;

    /// <summary>The most the cost may be now, as a fraction of the incident's (0.5: at least twice as cheap).</summary>
    public double AtMost { get; set; } = 0.5;
}

/// <summary>How the catalog-wide traps (the dangerous moves every drill watches for) apply to one drill.</summary>
public sealed class CatalogTrapSettings
{
    /// <summary>Catalog traps this drill does not watch: its own traps cover them, or the move is part of its fix.</summary>
    public List<string> Exempt { get; set; } = new();

    /// <summary>Actors whose sessions the fix may end; ending any other actor's is terminating an innocent session.</summary>
    public List<string> Culprits { get; set; } = new();

    /// <summary>The databases the fix belongs in; changes in the drill's other databases are the wrong database. Unchecked when empty.</summary>
    public List<string> FixDatabases { get; set; } = new();
}
