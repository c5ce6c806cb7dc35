namespace Ride.Engines;

/// <summary>What a session asks of an engine for one server.</summary>
public sealed class NodeRequest
{
    public required string SessionId { get; init; }

    public string NodeName { get; init; } = NodeRecord.DefaultName;

    public NodeRole Role { get; init; } = NodeRole.Primary;

    public string? Upstream { get; init; }

    /// <summary>Replica: the node it is copied from and streams from, already running. Pooler: the node it fronts.</summary>
    public NodeRecord? UpstreamNode { get; init; }

    /// <summary>Pooler: its pool settings and who logs in through it.</summary>
    public PoolerRequest? Pooler { get; init; }

    /// <summary>Pooler on Local: every database node of the session, whose sockets its jail shows so it can be repointed.</summary>
    public IReadOnlyList<NodeRecord> Peers { get; init; } = Array.Empty<NodeRecord>();

    /// <summary>Replica: streams through a physical replication slot on its upstream, named after the node.</summary>
    public bool Slot { get; init; }

    public required string SessionDirectory { get; init; }

    public required string SuperUser { get; init; }

    public required string SuperPassword { get; init; }

    public string? Image { get; init; }

    /// <summary>The session's network (Docker), from <see cref="ISandboxEngine.CreateNetworkAsync"/>.</summary>
    public string? Network { get; init; }

    /// <summary>Port to try first for the operator's endpoint; another free port is used when it is taken.</summary>
    public int? PreferredPort { get; init; }

    /// <summary>Server settings, passed as -c name=value or written to postgresql.conf.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = ServerSettings.Defaults;

    /// <summary>Where a node with <see cref="ArchiveBytes"/> sees its archive directory, on every engine.</summary>
    public const string ArchiveDirectory = "/ride/archive";

    /// <summary>The size of the node's archive directory (a tmpfs that refuses writes beyond it); 0 for none.</summary>
    public long ArchiveBytes { get; init; }

    /// <summary>What the cluster holds before the scenario's own roles and databases are made.</summary>
    public ClusterPreparation Preparation { get; init; } = ClusterPreparation.None;

    /// <summary>Primary: start from this scenario's seeded snapshot (built on first use) instead of a bare cluster.</summary>
    public SeedRequest? Seed { get; init; }

    /// <summary>The node will be stopped and started again: keep its data where a stop does not lose it.</summary>
    public bool DurableData { get; init; }
}
