namespace Ride.Workload;

/// <summary>What an actor does with its connections. This file is compiled into the actors program too.</summary>
public static class ActorModes
{
    /// <summary>Run the statements every intervalMs.</summary>
    public const string Loop = "loop";

    /// <summary>Run them once inside a transaction and keep it open (idle in transaction, locks held).</summary>
    public const string Hold = "hold";

    /// <summary>Run them once, then keep the connection open and idle.</summary>
    public const string Idle = "idle";

    public static readonly IReadOnlyList<string> All = new[] { Loop, Hold, Idle };
}

/// <summary>An actor as a scenario declares it (scenario.yml, actors:). Property names map to camelCase keys.</summary>
public sealed class ActorDefinition
{
    public string Name { get; set; } = "";

    public string ApplicationName { get; set; } = "";

    public string Database { get; set; } = "";

    public string Role { get; set; } = "";

    /// <summary>The node the actor connects to; the primary when empty.</summary>
    public string Node { get; set; } = "";

    public int Connections { get; set; } = 1;

    /// <summary>One of <see cref="ActorModes"/>.</summary>
    public string Mode { get; set; } = ActorModes.Loop;

    public int IntervalMs { get; set; } = 500;

    /// <summary>loop only: open a new connection for every request (no pool), so refused connections show as failed requests.</summary>
    public bool ConnectPerRequest { get; set; }

    /// <summary>Connect only once the incident has been applied (e.g. the migration runner that causes it).</summary>
    public bool StartAfterIncident { get; set; }

    /// <summary>false: once its connection is terminated the actor stays gone, like a one-shot job; true (default): it reconnects like a pool.</summary>
    public bool Reconnect { get; set; } = true;

    public List<string> Sql { get; set; } = new();

    /// <summary>Actors that keep their connections (everything but connect-per-request) can be counted and waited for.</summary>
    public bool HoldsConnections => !ConnectPerRequest;
}
