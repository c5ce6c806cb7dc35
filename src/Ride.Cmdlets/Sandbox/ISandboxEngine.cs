namespace Ride.Sandbox;

public enum EngineKind
{
    Auto,
    Docker,
    Local,
}

/// <summary>What a session asks of an engine: one PostgreSQL server (a node). Later scenarios ask for several.</summary>
public sealed class NodeRequest
{
    public required string SessionId { get; init; }
    public string NodeName { get; init; } = "primary";
    public required string SessionDirectory { get; init; }
    public required string SuperUser { get; init; }
    public required string SuperPassword { get; init; }
    public string? Image { get; init; }

    /// <summary>Port to try first (RIDE_PORT); when it cannot be bound another free port is used.</summary>
    public int? PreferredPort { get; init; }

    /// <summary>Server settings every scenario relies on, passed as -c name=value.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = ServerSettings.Defaults;

    /// <summary>What the cluster holds before the scenario's own roles and databases are made.</summary>
    public ClusterPreparation Preparation { get; init; } = ClusterPreparation.None;
}

/// <summary>A running server as the session remembers it; serialised into session.json.</summary>
public sealed class SandboxNode
{
    public string Name { get; set; } = "primary";
    public EngineKind Engine { get; set; }
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; }

    /// <summary>Local: data directory. Docker: unused.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Local: the server's log file.</summary>
    public string? ServerLogPath { get; set; }

    /// <summary>Local: the folder with initdb, pg_ctl, postgres and psql.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Local, when Ride runs as root: the unprivileged account that runs the server.</summary>
    public string? OsUser { get; set; }

    public string? ContainerId { get; set; }
    public string? ContainerName { get; set; }
    public string? Image { get; set; }

    /// <summary>Docker: the engine endpoint the container lives on.</summary>
    public string? DockerEndpoint { get; set; }
    public string? ServerVersion { get; set; }
}

public sealed record SandboxProgress(string Status, int PercentComplete);

/// <summary>A psql run: the script goes in on standard input so it works the same on every engine.</summary>
public sealed class PsqlInvocation
{
    public required string User { get; init; }
    public required string Password { get; init; }
    public required string Database { get; init; }
    public required string Script { get; init; }
    public string ApplicationName { get; init; } = "ride";

    /// <summary>Passed as PGOPTIONS, e.g. "-c statement_timeout=30s".</summary>
    public string? Options { get; init; }
}

/// <summary>A way to run PostgreSQL sandboxes. Engines report through results and progress, never by writing to a host.</summary>
public interface ISandboxEngine : IDisposable
{
    EngineKind Kind { get; }

    Task<SandboxNode> StartNodeAsync(NodeRequest request, IProgress<SandboxProgress> progress, CancellationToken cancellationToken);

    Task<bool> IsNodeAliveAsync(SandboxNode node, CancellationToken cancellationToken);

    Task<Common.ProcessResult> RunPsqlAsync(SandboxNode node, PsqlInvocation invocation, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ReadServerLogAsync(SandboxNode node, CancellationToken cancellationToken);

    /// <summary>Stops and removes the node. Idempotent; returns a note when something was already gone.</summary>
    Task<string?> RemoveNodeAsync(SandboxNode node, CancellationToken cancellationToken);
}

public static class ServerSettings
{
    /// <summary>The defaults with a scenario's own settings on top.</summary>
    public static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> scenario)
    {
        var merged = new Dictionary<string, string>(Defaults);
        foreach (var (name, value) in scenario)
        {
            merged[name] = value;
        }

        return merged;
    }

    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        ["shared_preload_libraries"] = "pg_stat_statements",
        ["pg_stat_statements.track"] = "all",
        ["log_line_prefix"] = "%m [%p] %q%u@%d app=%a ",
        ["log_min_error_statement"] = "error",
        ["track_io_timing"] = "on",
        ["log_timezone"] = "UTC",
        ["fsync"] = "off",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
        // New WAL segments are not zero-filled: CREATE DATABASE writes its copy to WAL, and zero-filling tripled its cost.
        ["wal_init_zero"] = "off",
        ["max_connections"] = "100",
    };
}
