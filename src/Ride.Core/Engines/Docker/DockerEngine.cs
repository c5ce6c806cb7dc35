using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Ride.Common;

namespace Ride.Engines.Docker;

/// <summary>
/// Sandboxes as containers of the official postgres image (or any image with its interface) on a Docker engine:
/// labelled, on a network of their session's own, published on 127.0.0.1 only, psql run inside the container so the
/// user needs no client.
/// </summary>
public sealed class DockerEngine : ISandboxEngine
{
    public const string DefaultImage = DockerImages.DefaultImage;

    internal const int ContainerPort = 5432;
    internal const string PortKey = "5432/tcp";
    internal const string LoopbackAddress = "127.0.0.1";

    /// <summary>PGDATA, away from the paths official images declare as volumes; a tmpfs unless the node must survive a stop.</summary>
    internal const string DataMount = "/var/lib/ride-pgdata";
    internal const string DataDirectory = DataMount + "/data";

    private const long ShmBytes = 1L << 30;

    /// <summary>For an explicit -Engine Docker: long enough for a remote engine, short enough to fail fast.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private readonly DockerHost _host;

    private DockerEngine(DockerHost host) => _host = host;

    public EngineKind Kind => EngineKind.Docker;

    /// <summary>The engine endpoint this instance talks to (unix://… or tcp://…).</summary>
    public string Endpoint => _host.Endpoint;

    /// <summary>The engine at DOCKER_HOST (or the default endpoint), once it has answered; DockerUnavailable otherwise.</summary>
    public static async Task<DockerEngine> ConnectAsync(RideOptions options, CancellationToken cancellationToken)
    {
        var endpoint = DockerClients.ResolveEndpoint(options);
        await DockerClients.EnsureAvailableAsync(endpoint, options.DockerHost is not null, ConnectTimeout, cancellationToken).ConfigureAwait(false);
        return new DockerEngine(new DockerHost(endpoint, options.DockerHost is not null));
    }

    /// <summary>The engine a node lives on, without a ping, so that a lost container can still be looked for and removed.</summary>
    public static DockerEngine ForEndpoint(RideOptions options, string? endpoint) =>
        new(string.IsNullOrWhiteSpace(endpoint)
            ? new DockerHost(DockerClients.ResolveEndpoint(options), options.DockerHost is not null)
            : new DockerHost(endpoint, endpoint == options.DockerHost));

    /// <summary>True when the engine at DOCKER_HOST (or the default endpoint) answers a ping within the timeout.</summary>
    public static async Task<bool> IsAvailableAsync(RideOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await DockerClients.PingAsync(DockerClients.ResolveEndpoint(options), timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (RideException)
        {
            // A malformed DOCKER_HOST is no engine for Auto; -Engine Docker reports it.
            return false;
        }
    }

    public static string NetworkName(string sessionId) => "ride-" + sessionId;

    /// <summary>
    /// A bridge network of the session's own: nodes reach each other by name, and nothing in it is masqueraded to the
    /// outside, so a program a fix makes the server run cannot reach other networks through this machine.
    /// </summary>
    public Task<string?> CreateNetworkAsync(string sessionId, CancellationToken cancellationToken) =>
        _host.CallAsync(async () =>
        {
            var name = NetworkName(sessionId);
            await _host.Client.Networks.CreateNetworkAsync(new NetworksCreateParameters
            {
                Name = name,
                Driver = "bridge",
                Labels = DockerLabels.For(sessionId),
                Options = new Dictionary<string, string> { ["com.docker.network.bridge.enable_ip_masquerade"] = "false" },
            }, cancellationToken).ConfigureAwait(false);
            return (string?)name;
        });

    /// <summary>Removes every container of the session that is still there, then its network. Idempotent.</summary>
    public Task RemoveNetworkAsync(string sessionId, CancellationToken cancellationToken) =>
        _host.CallAsync(async () =>
        {
            var containers = await _host.Client.Containers.ListContainersAsync(
                new ContainersListParameters { All = true, Filters = DockerLabels.SessionFilter(sessionId) }, cancellationToken).ConfigureAwait(false);
            foreach (var container in containers)
            {
                await RemoveQuietlyAsync(container.ID, cancellationToken).ConfigureAwait(false);
            }

            var networks = await _host.Client.Networks.ListNetworksAsync(
                new NetworksListParameters { Filters = DockerLabels.SessionFilter(sessionId) }, cancellationToken).ConfigureAwait(false);
            foreach (var network in networks)
            {
                try
                {
                    await _host.Client.Networks.DeleteNetworkAsync(network.ID, cancellationToken).ConfigureAwait(false);
                }
                catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                {
                }
            }
        });

    public ISandboxNode Open(NodeRecord node) => node.Role == NodeRole.Pooler ? new DockerPooler(_host, node) : new DockerNode(_host, node);

    public async Task<ISandboxNode> CreateNodeAsync(NodeRequest request, IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        if (request.Role == NodeRole.Replica && request.DurableData)
        {
            throw new ArgumentException("A replica on Docker keeps its data in memory.", nameof(request));
        }

        if (request.Role == NodeRole.Pooler)
        {
            return await CreatePoolerAsync(request, progress, cancellationToken).ConfigureAwait(false);
        }

        var image = string.IsNullOrWhiteSpace(request.Image) ? DefaultImage : request.Image.Trim();
        progress.Report(new SandboxProgress($"Looking for the image {image}", 5));
        await _host.CallAsync(() => DockerImages.EnsureAsync(_host.Client, _host.Endpoint, image, progress, 5, 35, cancellationToken)).ConfigureAwait(false);

        // A primary runs on its scenario's seed image: the world after setup, on disk in an image layer, shared copy-on-write.
        using var seed = request.Seed is null ? null : await new DockerSeeds(_host).EnsureAsync(image, request, progress, cancellationToken).ConfigureAwait(false);
        var runImage = seed?.Image ?? image;
        var seedPassword = seed?.SuperPassword;
        var record = new NodeRecord
        {
            Name = request.NodeName,
            Role = request.Role,
            Upstream = request.Upstream,
            Engine = EngineKind.Docker,
            Host = LoopbackAddress,
            Image = image,
            DockerEndpoint = _host.Endpoint,
            Network = request.Network,
            DurableData = request.DurableData,
            ContainerName = $"ride-{request.SessionId}-{request.NodeName}",
        };
        var node = new DockerNode(_host, record);
        try
        {
            progress.Report(new SandboxProgress($"Starting the container {record.ContainerName}", 38));
            await _host.CallAsync(() => CreateAndStartAsync(record, request, runImage, seedPassword is null && !request.DurableData, cancellationToken))
                .ConfigureAwait(false);
            seed?.Dispose();
            progress.Report(new SandboxProgress("Waiting for PostgreSQL to accept connections", 42));
            await node.WaitUntilReadyAsync((request.SuperUser, seedPassword ?? request.SuperPassword), cancellationToken).ConfigureAwait(false);
            if (seedPassword is not null)
            {
                // Every container of a seed image starts with the seed's password; the session gets its own before anything else connects.
                await ServerConnection.ChangePasswordAsync(record.RideEndpoint, request.SuperUser, seedPassword, request.SuperPassword, cancellationToken)
                    .ConfigureAwait(false);
            }
            else if (request.Role == NodeRole.Primary)
            {
                await PrepareAsync(node, request.Preparation, request.SuperUser, request.SuperPassword, cancellationToken).ConfigureAwait(false);
            }

            return node;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // No half-made sandbox: whatever failed after the container exists takes the container with it.
            if (record.ContainerId is not null)
            {
                try
                {
                    await RemoveQuietlyAsync(record.ContainerId, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception cleanup) when (cleanup is DockerApiException || DockerClients.IsUnreachable(cleanup))
                {
                    // The original failure is what the user needs to see; a container left behind carries Ride's labels.
                }
            }

            throw;
        }
    }

    /// <summary>A PgBouncer container in front of its upstream, configured before its first start; removed again when anything fails.</summary>
    private async Task<ISandboxNode> CreatePoolerAsync(NodeRequest request, IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        var upstream = request.UpstreamNode ?? throw new ArgumentException("A pooler needs the node it fronts.", nameof(request));
        var pooler = request.Pooler ?? throw new ArgumentException("A pooler needs its settings.", nameof(request));
        var image = string.IsNullOrWhiteSpace(request.Image) ? PgBouncer.DefaultImage : request.Image.Trim();
        progress.Report(new SandboxProgress($"Looking for the PgBouncer image {image}", 45));
        await _host.CallAsync(() => DockerImages.EnsureAsync(_host.Client, _host.Endpoint, image, progress, 45, 48, cancellationToken)).ConfigureAwait(false);
        var record = new NodeRecord
        {
            Name = request.NodeName,
            Role = NodeRole.Pooler,
            Upstream = upstream.Name,
            Engine = EngineKind.Docker,
            Host = LoopbackAddress,
            Image = image,
            DockerEndpoint = _host.Endpoint,
            Network = request.Network,
            ServerPort = PgBouncer.ListenPort,
            ContainerName = $"ride-{request.SessionId}-{request.NodeName}",
            PoolerSettings = new Dictionary<string, string>(pooler.Settings, StringComparer.Ordinal),
            PoolerAdmin = pooler.AdminUser,
            PeerContainers = request.Peers.Select(p => p.ContainerName).OfType<string>().ToList(),
        };
        var node = new DockerPooler(_host, record);
        try
        {
            progress.Report(new SandboxProgress($"Starting PgBouncer ({record.Name}) in front of {upstream.Name}", 48));
            var created = await _host.CallAsync(() => _host.Client.Containers.CreateContainerAsync(
                    DockerPooler.ContainerParameters(record, request, image, FreeLoopbackPort()), cancellationToken))
                .ConfigureAwait(false);
            record.ContainerId = created.ID;
            await node.ConfigureAndStartAsync(request, upstream, cancellationToken).ConfigureAwait(false);
            return node;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (record.ContainerId is not null)
            {
                try
                {
                    await RemoveQuietlyAsync(record.ContainerId, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception cleanup) when (cleanup is DockerApiException || DockerClients.IsUnreachable(cleanup))
                {
                    // The original failure is what the user needs to see; a container left behind carries Ride's labels.
                }
            }

            if (ex is DockerApiException api)
            {
                throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
                    $"The Docker engine could not start the PgBouncer container {record.ContainerName} from {image}: {DockerClients.ErrorMessage(api)}", image, api);
            }

            throw;
        }
    }

    public void Dispose()
    {
        // The client is shared by every engine on the same endpoint for the life of the process.
    }

    private async Task RemoveQuietlyAsync(string container, CancellationToken cancellationToken)
    {
        try
        {
            await _host.Client.Containers.RemoveContainerAsync(container, new ContainerRemoveParameters { Force = true, RemoveVolumes = true },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }

    /// <summary>
    /// What every primary holds before a scenario (Ride's preparation), and Ride's pg_hba.conf: the image wrote its own,
    /// without a replication line, and a replica copies Ride's from here.
    /// </summary>
    internal static async Task PrepareAsync(DockerNode node, ClusterPreparation preparation, string superUser, string superPassword,
        CancellationToken cancellationToken)
    {
        var endpoint = node.Record.RideEndpoint;
        await preparation.ApplyAsync((database, token) => ServerConnection.OpenAsync(ServerConnection.For(endpoint, superUser, superPassword, database), token),
            cancellationToken).ConfigureAwait(false);
        await node.WriteFileAsync("pg_hba.conf", HostBasedAuthentication.Docker, cancellationToken).ConfigureAwait(false);
        await ConfigurationReload.ReloadAsync(endpoint, superUser, superPassword, cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateAndStartAsync(NodeRecord node, NodeRequest request, string image, bool inMemory, CancellationToken cancellationToken)
    {
        // A node that will be stopped and started again keeps its port: an engine picks a new ephemeral one at each
        // start, and the applications (and the operator's psql) would lose it.
        var hostPort = request.PreferredPort ?? (request.DurableData ? FreeLoopbackPort() : null);
        while (true)
        {
            var created = await _host.Client.Containers.CreateContainerAsync(ContainerParameters(node, request, image, hostPort, inMemory), cancellationToken)
                .ConfigureAwait(false);
            node.ContainerId = created.ID;
            try
            {
                await _host.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (DockerApiException ex) when (hostPort is not null && IsPortTaken(ex))
            {
                // The preferred port is taken: let the engine pick a free one instead.
                await RemoveQuietlyAsync(created.ID, cancellationToken).ConfigureAwait(false);
                node.ContainerId = null;
                hostPort = null;
            }
            catch (DockerApiException ex)
            {
                throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
                    $"The Docker engine could not start the container {node.ContainerName} from {image}: {DockerClients.ErrorMessage(ex)}", image, ex);
            }
        }
    }

    internal static CreateContainerParameters ContainerParameters(NodeRecord node, NodeRequest request, string image, int? hostPort, bool inMemory)
    {
        // The official image's interface: the superuser from the environment, server settings as postgres -c arguments.
        var command = new List<string> { "postgres" };
        if (!request.Settings.ContainsKey("listen_addresses"))
        {
            command.AddRange(new[] { "-c", "listen_addresses=*" });
        }

        foreach (var (name, value) in request.Settings)
        {
            command.Add("-c");
            command.Add(name + "=" + value);
        }

        var environment = new List<string>
        {
            "POSTGRES_USER=" + request.SuperUser,
            "POSTGRES_PASSWORD=" + request.SuperPassword,
            "POSTGRES_DB=postgres",
            "PGDATA=" + DataDirectory,
        };
        if (request.Role == NodeRole.Replica)
        {
            environment.Add("PGPASSWORD=" + request.SuperPassword);
        }

        var parameters = new CreateContainerParameters
        {
            Name = node.ContainerName,
            Image = image,
            Labels = DockerLabels.For(request.SessionId, request.NodeName),
            Env = environment,
            Cmd = command,
            ExposedPorts = new Dictionary<string, EmptyStruct> { [PortKey] = default },
            HostConfig = new HostConfig
            {
                // The server needs to own its data folder and drop to the postgres account; nothing more.
                CapDrop = new List<string> { "ALL" },
                CapAdd = new List<string> { "CHOWN", "DAC_OVERRIDE", "FOWNER", "SETUID", "SETGID" },
                SecurityOpt = new List<string> { "no-new-privileges" },

                // Parallel index builds and scans share memory through /dev/shm, 64 MB by default in a container: too little
                // for production-sized tables. A tmpfs takes memory only as it is used.
                ShmSize = ShmBytes,

                // Loopback only: a sandbox's superuser password must never be reachable from the network.
                PortBindings = new Dictionary<string, IList<PortBinding>>
                {
                    [PortKey] = new List<PortBinding>
                    {
                        new() { HostIP = LoopbackAddress, HostPort = hostPort?.ToString(CultureInfo.InvariantCulture) ?? "" },
                    },
                },
            },
        };

        // A sandbox is disposable: a replica's data, and a bare primary's, live in memory, which makes initdb and
        // CREATE DATABASE several times faster. A primary on a seed image runs on the image's layer instead, and a node
        // that must keep its data across a stop (memory does not survive one) on the container's own layer.
        var tmpfs = new Dictionary<string, string>();
        if (inMemory)
        {
            tmpfs[DataMount] = request.Role == NodeRole.Replica ? "rw,mode=1777" : "rw,mode=0755";
        }

        // An archive directory is memory too, and capped: an archive_command that outruns it fails like one on a full disk.
        if (request.ArchiveBytes > 0)
        {
            tmpfs[NodeRequest.ArchiveDirectory] = "rw,mode=1777,size=" + request.ArchiveBytes.ToString(CultureInfo.InvariantCulture);
        }

        if (tmpfs.Count > 0)
        {
            parameters.HostConfig.Tmpfs = tmpfs;
        }

        if (request.Role == NodeRole.Replica && request.UpstreamNode is { } upstream)
        {
            // The image's own entrypoint starts the server; before it, the data directory is copied from the upstream
            // as the server's account, over the session network (the image skips initialisation when data is there).
            parameters.User = "postgres";
            parameters.Entrypoint = new List<string> { "sh", "-c", ReplicaBootScript(request, upstream), "ride-replica" };
        }

        if (request.Network is not null)
        {
            parameters.HostConfig.NetworkMode = request.Network;
            parameters.NetworkingConfig = new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings>
                {
                    [request.Network] = new() { Aliases = new List<string> { request.NodeName } },
                },
            };
        }

        return parameters;
    }

    /// <summary>pg_basebackup into an empty data directory, then the image's entrypoint with the server command.</summary>
    private static string ReplicaBootScript(NodeRequest request, NodeRecord upstream)
    {
        var arguments = Replication.BaseBackupArguments(request.NodeName, DataDirectory, new Endpoint(upstream.Name, ContainerPort), request);
        return "set -e\n"
               + "if [ ! -s \"$PGDATA/PG_VERSION\" ]; then pg_basebackup " + string.Join(' ', arguments.Select(ShellQuote)) + "; fi\n"
               + "exec docker-entrypoint.sh \"$@\"\n";
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static bool IsPortTaken(DockerApiException ex)
    {
        var message = DockerClients.ErrorMessage(ex);
        return message.Contains("already allocated", StringComparison.OrdinalIgnoreCase)
               || message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
               || message.Contains("bind", StringComparison.OrdinalIgnoreCase);
    }
}
