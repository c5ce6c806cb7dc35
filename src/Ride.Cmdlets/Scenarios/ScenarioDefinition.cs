namespace Ride.Scenarios;

/// <summary>scenario.yml as written by a scenario author. Property names map to camelCase keys.</summary>
public sealed class ScenarioDefinition
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Level { get; set; } = "";
    public string Duration { get; set; } = "";
    public string Briefing { get; set; } = "";
    public List<string> Databases { get; set; } = new();

    /// <summary>Server settings for this scenario, on top of the ones every sandbox has (e.g. max_connections).</summary>
    public Dictionary<string, string> Settings { get; set; } = new();
    public string OperatorRole { get; set; } = "dba";
    public List<RoleDefinition> Roles { get; set; } = new();
    public List<string> Setup { get; set; } = new() { "setup.sql" };
    public string Incident { get; set; } = "incident.sql";
    public List<ActorDefinition> Actors { get; set; } = new();
    public List<string> Hints { get; set; } = new();
    public CheckSet Checks { get; set; } = new();
    public string Postmortem { get; set; } = "postmortem.md";
    public string Solution { get; set; } = "solution.sql";
}

public sealed class RoleDefinition
{
    public string Name { get; set; } = "";
    public bool Login { get; set; } = true;
}

public sealed class ActorDefinition
{
    public string Name { get; set; } = "";
    public string ApplicationName { get; set; } = "";
    public string Database { get; set; } = "";
    public string Role { get; set; } = "";
    public int Connections { get; set; } = 1;

    /// <summary>
    /// loop: run the statements every IntervalMs; hold: run them once inside a transaction and keep it open
    /// (idle in transaction, locks held); idle: run them once, then keep the connection open and idle.
    /// </summary>
    public string Mode { get; set; } = "loop";
    public int IntervalMs { get; set; } = 500;

    /// <summary>loop only: open a new connection for every request (no pool), so refused connections show as failed requests.</summary>
    public bool ConnectPerRequest { get; set; }

    /// <summary>Connect only once the incident has been applied (e.g. the migration runner that causes it).</summary>
    public bool StartAfterIncident { get; set; }

    /// <summary>false: once its connection is terminated the actor stays gone, like a one-shot job; true (default): it reconnects like a pool.</summary>
    public bool Reconnect { get; set; } = true;
    public List<string> Sql { get; set; } = new();
}

public sealed class CheckSet
{
    public List<CheckDefinition> Detect { get; set; } = new();
    public List<CheckDefinition> Fix { get; set; } = new();
    public List<CheckDefinition> Trap { get; set; } = new();
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

    /// <summary>A query whose first column is a boolean (passed) and optional second column is evidence text.</summary>
    public string Sql { get; set; } = "";

    /// <summary>Ride commands whose use counts as evidence for this check (Detect).</summary>
    public List<string> Commands { get; set; } = new();

    /// <summary>Actors whose statements must all succeed when replayed once as that actor.</summary>
    public List<string> Workload { get; set; } = new();
}
