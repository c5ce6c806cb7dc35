namespace Ride.Engines;

public enum EngineKind
{
    Auto,
    Docker,
    Local,
}

/// <summary>What a node is in its session's topology. Which node is the primary changes with promotion.</summary>
public enum NodeRole
{
    Primary,
    Replica,
    Pooler,

    /// <summary>The primary before a promotion: it takes no part in the topology any more.</summary>
    FormerPrimary,
}

/// <summary>PostgreSQL's shutdown modes: wait for clients, roll them back, or stop at once (crash-like).</summary>
public enum NodeStopMode
{
    Smart,
    Fast,
    Immediate,
}

public sealed record SandboxProgress(string Status, int PercentComplete);

/// <summary>A host and port a client connects to; the host is a socket folder for a Unix-domain socket.</summary>
public sealed record Endpoint(string Host, int Port);
