using Ride.Common;

namespace Ride.Engines;

/// <summary>A PostgreSQL program run in a node's context (pg_controldata, pg_basebackup, psql…), as the server's account.</summary>
public sealed record ProgramInvocation(string Program, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public string? StandardInput { get; init; }
}

/// <summary>
/// A way to run PostgreSQL sandboxes. An engine makes nodes and a session network; each node is then handled on its
/// own. Engines report through results and progress, never by writing to a host.
/// </summary>
public interface ISandboxEngine : IDisposable
{
    EngineKind Kind { get; }

    /// <summary>The network on which a session's nodes reach each other by name; null where the engine needs none.</summary>
    Task<string?> CreateNetworkAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Removes the session's network. Idempotent.</summary>
    Task RemoveNetworkAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Boots a server; nothing is left behind when it fails.</summary>
    Task<ISandboxNode> CreateNodeAsync(NodeRequest request, IProgress<SandboxProgress> progress, CancellationToken cancellationToken);

    /// <summary>A handle on a node this engine made earlier (possibly in another process).</summary>
    ISandboxNode Open(NodeRecord node);
}

/// <summary>One server of a session. Every operation is idempotent where it can be.</summary>
public interface ISandboxNode
{
    NodeRecord Record { get; }

    /// <summary>How a program in the node's context reaches its server (for psql and friends).</summary>
    Endpoint ServerAddress { get; }

    Task<bool> IsRunningAsync(CancellationToken cancellationToken);

    /// <summary>Starts a stopped node on the data it has, and waits until it accepts connections.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Stops the server in the given mode and waits until it is gone.</summary>
    Task StopAsync(NodeStopMode mode, CancellationToken cancellationToken);

    /// <summary>Makes the server read its configuration files again (SIGHUP), as pg_ctl reload does.</summary>
    Task ReloadAsync(CancellationToken cancellationToken);

    /// <summary>Runs a PostgreSQL program in the node's context as the server's account.</summary>
    Task<ProcessResult> RunAsync(ProgramInvocation invocation, CancellationToken cancellationToken);

    /// <summary>
    /// Stops the server (fast), runs a POSIX shell script on its data directory as the server's account ($PGDATA set,
    /// the PostgreSQL programs on PATH), and starts the server again: for tools that need it down, such as pg_resetwal.
    /// </summary>
    Task RunStoppedAsync(string script, CancellationToken cancellationToken);

    /// <summary>A file of the data directory (pg_hba.conf, postgresql.auto.conf…), or null when there is none.</summary>
    Task<string?> ReadFileAsync(string relativePath, CancellationToken cancellationToken);

    /// <summary>Writes a file of the data directory, owned by the server's account.</summary>
    Task WriteFileAsync(string relativePath, string content, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ReadServerLogAsync(CancellationToken cancellationToken);

    /// <summary>Stops and removes the node. Idempotent; returns a note when something was already gone.</summary>
    Task<string?> RemoveAsync(CancellationToken cancellationToken);
}

/// <summary>A PgBouncer node: besides what every node does, it can be pointed at another database node.</summary>
public interface IPoolerNode : ISandboxNode
{
    /// <summary>Sends every database to <paramref name="upstream"/> from now on (pgbouncer.ini rewritten, then reloaded), keeping the clients.</summary>
    Task PointAtAsync(NodeRecord upstream, CancellationToken cancellationToken);
}

/// <summary>What every engine's nodes offer on top of the basic operations.</summary>
public static class SandboxNodeExtensions
{
    public static async Task RestartAsync(this ISandboxNode node, NodeStopMode mode, CancellationToken cancellationToken)
    {
        await node.StopAsync(mode, cancellationToken).ConfigureAwait(false);
        await node.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>psql in the node's context, the script on standard input so it works the same on every engine.</summary>
    public static Task<ProcessResult> RunPsqlAsync(this ISandboxNode node, PsqlInvocation invocation, CancellationToken cancellationToken) =>
        node.RunAsync(new ProgramInvocation("psql", PsqlArguments.For(node.ServerAddress, invocation).ToList())
        {
            Environment = PsqlArguments.Environment(invocation),
            StandardInput = invocation.Script,
        }, cancellationToken);
}
