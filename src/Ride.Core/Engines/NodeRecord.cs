using System.Text.Json.Serialization;

namespace Ride.Engines;

/// <summary>A server of a session as the session remembers it (session.json): its place in the topology and how the engine reaches it.</summary>
public sealed class NodeRecord
{
    public string Name { get; set; } = NodeRecord.DefaultName;

    public NodeRole Role { get; set; } = NodeRole.Primary;

    /// <summary>Replica: the node it streams from. Pooler: the node it fronts.</summary>
    public string? Upstream { get; set; }

    public EngineKind Engine { get; set; }

    /// <summary>Where the operator's tools reach the node on this machine (always 127.0.0.1).</summary>
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; }

    /// <summary>Local: the folder of the server's Unix-domain socket, which Ride and the actors use.</summary>
    public string? SocketDirectory { get; set; }

    /// <summary>Local replica: the socket folder of the node it streams from, the one thing of another node its jail sees.</summary>
    public string? UpstreamSocketDirectory { get; set; }

    /// <summary>Local pooler: the socket folders of every database node of the session, so it can be pointed at another one.</summary>
    public List<string>? PeerSocketDirectories { get; set; }

    /// <summary>Docker pooler: the containers of the session's database nodes, where psql for its console runs (its own image may have none).</summary>
    public List<string>? PeerContainers { get; set; }

    /// <summary>Pooler: the [pgbouncer] settings the scenario gave it, to write its configuration again when it is repointed.</summary>
    public Dictionary<string, string>? PoolerSettings { get; set; }

    /// <summary>Local pooler: the pgbouncer program it runs.</summary>
    public string? PoolerProgram { get; set; }

    /// <summary>Pooler: the console's admin (the operator).</summary>
    public string? PoolerAdmin { get; set; }

    /// <summary>The port the server itself listens on (inside its container or jail).</summary>
    public int ServerPort { get; set; } = 5432;

    /// <summary>Local: the folder that holds data directory, log and socket.</summary>
    public string? SandboxDirectory { get; set; }

    /// <summary>Local: data directory.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Local: the server's log file.</summary>
    public string? ServerLogPath { get; set; }

    /// <summary>Local: the folder with the PostgreSQL programs.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Local: the account the server runs as.</summary>
    public string? OsUser { get; set; }

    /// <summary>Local: the postmaster, as this machine sees it.</summary>
    public int? ServerPid { get; set; }

    /// <summary>Local: the jail that holds the server.</summary>
    public int? JailPid { get; set; }

    /// <summary>Local: the size of the archive directory the server's jail mounts (0: none).</summary>
    public long ArchiveBytes { get; set; }

    /// <summary>Local: the process that relays the node's port to its socket.</summary>
    public int? GatewayPid { get; set; }

    public string? ContainerId { get; set; }

    public string? ContainerName { get; set; }

    public string? Image { get; set; }

    /// <summary>Docker: the engine endpoint the container lives on.</summary>
    public string? DockerEndpoint { get; set; }

    /// <summary>Docker: the session's network, on which nodes reach each other by name.</summary>
    public string? Network { get; set; }

    /// <summary>Docker: the data lives in the container's own layer instead of memory, so the node can be stopped and started.</summary>
    public bool DurableData { get; set; }

    public string? ServerVersion { get; set; }

    /// <summary>Fenced by the operator: stopped, and never started again by Ride.</summary>
    public bool Fenced { get; set; }

    /// <summary>Stopped by an action or the incident: down on purpose, which is evidence, not a lost session.</summary>
    public bool StoppedOnPurpose { get; set; }

    public const string DefaultName = "primary";

    /// <summary>How Ride and the actors reach the server: its socket on Local, the published port on Docker.</summary>
    [JsonIgnore]
    public Endpoint RideEndpoint => SocketDirectory is not null ? new Endpoint(SocketDirectory, ServerPort) : new Endpoint(Host, Port);

    /// <summary>How the operator reaches the server.</summary>
    [JsonIgnore]
    public Endpoint OperatorEndpoint => new(Host, Port);

    public override string ToString() => $"{Name} ({Role})";
}
