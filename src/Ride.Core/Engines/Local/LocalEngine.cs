using System.Text;
using Npgsql;
using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>
/// Sandboxes made from the PostgreSQL programs on this machine: a copy of a prepared cluster, started in a
/// bubblewrap jail as an unprivileged account, reached through its socket (Ride, actors) and a gateway port on
/// 127.0.0.1 (the operator).
/// </summary>
public sealed class LocalEngine : ISandboxEngine
{
    private readonly LocalEnvironment _local;

    private LocalEngine(LocalEnvironment local) => _local = local;

    public EngineKind Kind => EngineKind.Local;

    public static async Task<LocalEngine> CreateAsync(RideOptions options, CancellationToken cancellationToken) =>
        new(await LocalEnvironment.CreateAsync(options, null, cancellationToken).ConfigureAwait(false));

    /// <summary>The engine for nodes made earlier: their recorded PostgreSQL installation, no search.</summary>
    public static async Task<LocalEngine> ForNodeAsync(RideOptions options, NodeRecord node, CancellationToken cancellationToken) =>
        new(await LocalEnvironment.CreateAsync(options, node.BinDirectory, cancellationToken).ConfigureAwait(false));

    public Task<string?> CreateNetworkAsync(string sessionId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task RemoveNetworkAsync(string sessionId, CancellationToken cancellationToken) => Task.CompletedTask;

    public ISandboxNode Open(NodeRecord node) => node.Role == NodeRole.Pooler ? new LocalPooler(_local, node) : new LocalNode(_local, node);

    public async Task<ISandboxNode> CreateNodeAsync(NodeRequest request, IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        if (request.Role == NodeRole.Pooler)
        {
            // Before anything is made: a machine without PgBouncer leaves no folder behind.
            _local.PgBouncer();
        }

        var folders = new SandboxFolders(_local.Options, _local.Account);
        var clusterCache = await folders.ClusterCacheAsync(request.SessionDirectory, request.NodeName, cancellationToken).ConfigureAwait(false);
        PreparedCluster? source = null;
        SeedLease? seed = null;
        if (request.Role == NodeRole.Primary)
        {
            source = await new PreparedClusters(_local).EnsureAsync(clusterCache, request, progress, cancellationToken).ConfigureAwait(false);
            if (request.Seed is not null)
            {
                seed = await new SeededClusters(_local).EnsureAsync(clusterCache, request, source, progress, cancellationToken).ConfigureAwait(false);
                source = seed.Cluster;
            }
        }

        using var copying = seed;

        var sandbox = await folders.ClaimAsync(request.SessionId, request.NodeName, source?.Bytes ?? 0, cancellationToken).ConfigureAwait(false);
        var record = new NodeRecord
        {
            Name = request.NodeName,
            Role = request.Role,
            Upstream = request.Upstream,
            Engine = EngineKind.Local,
            BinDirectory = _local.BinDirectory,
            OsUser = _local.Account.Name,
            SandboxDirectory = sandbox,
            DataDirectory = Path.Combine(sandbox, "data"),
            SocketDirectory = Path.Combine(sandbox, "run"),
            ServerLogPath = Path.Combine(sandbox, "server.log"),
            DurableData = true,
            UpstreamSocketDirectory = request.UpstreamNode?.SocketDirectory,
            ArchiveBytes = request.ArchiveBytes,
        };
        if (request.Role == NodeRole.Pooler)
        {
            return await LocalPooler.CreateAsync(_local, record, request, progress, cancellationToken).ConfigureAwait(false);
        }

        if (request.ArchiveBytes > 0)
        {
            await _local.RequireSizedTmpfsAsync(cancellationToken).ConfigureAwait(false);
        }

        var node = new LocalNode(_local, record);
        if (request.Role == NodeRole.Replica)
        {
            return await CreateReplicaAsync(node, request, sandbox, progress, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var prepared = source!;
            progress.Report(new SandboxProgress(request.Seed is null ? "Copying the prepared cluster" : "Copying the seeded snapshot", 25));
            await PreparedClusters.CopyAsync(prepared, record.DataDirectory, cancellationToken).ConfigureAwait(false);
            copying?.Dispose();
            record.ServerVersion = (await File.ReadAllTextAsync(Path.Combine(record.DataDirectory, "PG_VERSION"), cancellationToken).ConfigureAwait(false)).Trim();
            Directory.CreateDirectory(record.SocketDirectory);
            await _local.JailFor(sandbox).WriteEtcAsync(cancellationToken).ConfigureAwait(false);
            await WriteConfigurationAsync(record, request.Settings, cancellationToken).ConfigureAwait(false);
            await _local.Account.GiveAsync(sandbox, cancellationToken).ConfigureAwait(false);

            progress.Report(new SandboxProgress("Starting the server in its jail", 40));
            await node.StartAsync(cancellationToken).ConfigureAwait(false);
            await ServerConnection.ChangePasswordAsync(record.RideEndpoint, request.SuperUser, prepared.SuperPassword, request.SuperPassword, cancellationToken)
                .ConfigureAwait(false);
            await OpenGatewayAsync(record, request.PreferredPort, cancellationToken).ConfigureAwait(false);
            return node;
        }
        catch
        {
            await node.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public void Dispose()
    {
    }

    /// <summary>
    /// A replica made the way operators make one: pg_basebackup -R from its upstream (through the upstream's socket,
    /// the only thing of it the replica's jail sees), optionally creating its slot, then started as a hot standby.
    /// </summary>
    private async Task<ISandboxNode> CreateReplicaAsync(LocalNode node, NodeRequest request, string sandbox, IProgress<SandboxProgress> progress,
        CancellationToken cancellationToken)
    {
        var record = node.Record;
        var upstream = request.UpstreamNode ?? throw new ArgumentException("A replica needs the node it streams from.", nameof(request));
        try
        {
            Directory.CreateDirectory(record.SocketDirectory!);
            await _local.JailFor(sandbox, record.UpstreamSocketDirectory).WriteEtcAsync(cancellationToken).ConfigureAwait(false);
            await _local.Account.GiveAsync(sandbox, cancellationToken).ConfigureAwait(false);

            progress.Report(new SandboxProgress($"Copying {upstream.Name} into {record.Name} (pg_basebackup)", 30));
            var copy = await node.RunAsync(new ProgramInvocation("pg_basebackup", Replication.BaseBackupArguments(record.Name, record.DataDirectory!, upstream.RideEndpoint, request))
            {
                Environment = new Dictionary<string, string?> { ["PGPASSWORD"] = request.SuperPassword },
            }, cancellationToken).ConfigureAwait(false);
            if (copy.ExitCode != 0)
            {
                throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
                    $"pg_basebackup of node {record.Name} from {upstream.Name} failed: {Text.Tail(copy.StandardError)}", record.Name);
            }

            record.ServerVersion = (await File.ReadAllTextAsync(Path.Combine(record.DataDirectory!, "PG_VERSION"), cancellationToken).ConfigureAwait(false)).Trim();
            await WriteConfigurationAsync(record, request.Settings, cancellationToken).ConfigureAwait(false);
            await _local.Account.GiveAsync(sandbox, cancellationToken).ConfigureAwait(false);

            progress.Report(new SandboxProgress($"Starting {record.Name} as a hot standby", 40));
            await node.StartAsync(cancellationToken).ConfigureAwait(false);
            await OpenGatewayAsync(record, null, cancellationToken).ConfigureAwait(false);
            return node;
        }
        catch
        {
            await node.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The operator's port on 127.0.0.1, relayed to the node's socket.</summary>
    private async Task OpenGatewayAsync(NodeRecord record, int? preferredPort, CancellationToken cancellationToken)
    {
        var (gateway, port) = await Gateway.StartAsync(_local.Options, record, preferredPort, cancellationToken).ConfigureAwait(false);
        record.GatewayPid = gateway;
        record.Port = port;
    }

    internal static async Task WriteConfigurationAsync(NodeRecord node, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var conf = new StringBuilder()
            .AppendLine()
            .AppendLine("# Ride sandbox settings")
            // No TCP at all: the jail has no network, and every client comes in through the socket.
            .AppendLine("listen_addresses = ''")
            .Append("unix_socket_directories = ").AppendLine(Sql.Literal(node.SocketDirectory!))
            .Append("port = ").AppendLine(node.ServerPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            // Dynamic shared memory as files in the data directory: a server that dies without cleaning up leaves nothing behind.
            .AppendLine("dynamic_shared_memory_type = 'mmap'");
        foreach (var (name, value) in settings)
        {
            conf.Append(name).Append(" = ").AppendLine(Sql.Literal(value));
        }

        await File.AppendAllTextAsync(Path.Combine(node.DataDirectory!, "postgresql.conf"), conf.ToString(), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(node.DataDirectory!, "pg_hba.conf"), Engines.HostBasedAuthentication.Local, cancellationToken).ConfigureAwait(false);
    }
}
