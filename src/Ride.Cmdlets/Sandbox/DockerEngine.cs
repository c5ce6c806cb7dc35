using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Reflection;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Npgsql;
using Ride.Common;

namespace Ride.Sandbox;

/// <summary>A container Ride made, as found by its labels.</summary>
public sealed record RideContainer(string Id, string Name, string? SessionId, string? NodeName, string Image, string State, string Status);

/// <summary>
/// Sandboxes as containers of the official postgres image (or any image with its interface) on a Docker engine:
/// labelled, published on 127.0.0.1 only, psql run inside the container so the user needs no client.
/// </summary>
public sealed class DockerEngine : ISandboxEngine
{
    public const string DefaultImage = DockerImages.DefaultImage;
    public const string ManagedLabel = "ride.managed";
    public const string SessionLabel = "ride.session";
    public const string NodeLabel = "ride.node";
    public const string VersionLabel = "ride.version";

    private const int ContainerPort = 5432;
    private const string PortKey = "5432/tcp";
    private const string LoopbackAddress = "127.0.0.1";

    // PGDATA on a tmpfs of Ride's own, away from the paths official images declare as volumes.
    private const string DataMount = "/var/lib/ride-pgdata";
    private const string DataDirectory = DataMount + "/data";
    private const uint StopGraceSeconds = 3;
    private const int LogTailLines = 20;
    private const int ExitCodeNotExecutable = 126;
    private const int ExitCodeNotFound = 127;

    /// <summary>For an explicit -Engine Docker: long enough for a remote engine, short enough to fail fast.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadinessPoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ExecExitTimeout = TimeSpan.FromSeconds(5);

    private static readonly string RideVersion =
        typeof(DockerEngine).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private readonly DockerClient client;

    private DockerEngine(string endpoint)
    {
        Endpoint = endpoint;
        client = DockerClients.For(endpoint);
    }

    public EngineKind Kind => EngineKind.Docker;

    /// <summary>The engine endpoint this instance talks to (unix://… or tcp://…).</summary>
    public string Endpoint { get; }

    /// <summary>The engine at DOCKER_HOST (or the default endpoint), once it has answered; DockerUnavailable otherwise.</summary>
    public static async Task<DockerEngine> ConnectAsync(CancellationToken cancellationToken)
    {
        var endpoint = DockerClients.ResolveEndpoint();
        await DockerClients.EnsureAvailableAsync(endpoint, ConnectTimeout, cancellationToken).ConfigureAwait(false);
        return new DockerEngine(endpoint);
    }

    /// <summary>The engine a node lives on, without a ping, so that a lost container can still be looked for and removed.</summary>
    public static DockerEngine ForEndpoint(string? endpoint) =>
        new(string.IsNullOrWhiteSpace(endpoint) ? DockerClients.ResolveEndpoint() : endpoint);

    /// <summary>True when the engine at DOCKER_HOST (or the default endpoint) answers a ping within the timeout.</summary>
    public static async Task<bool> IsAvailableAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await DockerClients.PingAsync(DockerClients.ResolveEndpoint(), timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (RideException)
        {
            // A malformed DOCKER_HOST is no engine for Auto; -Engine Docker reports it.
            return false;
        }
    }

    /// <summary>Ride's containers on this engine (all of them, or one session's), found by label; never anybody else's.</summary>
    public async Task<IReadOnlyList<RideContainer>> ListContainersAsync(string? sessionId, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, bool> { [ManagedLabel + "=true"] = true };
        if (sessionId is not null)
        {
            labels[SessionLabel + "=" + sessionId] = true;
        }

        var found = await CallAsync(() => client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = labels },
        }, cancellationToken)).ConfigureAwait(false);
        return found.Select(c => new RideContainer(
            c.ID,
            c.Names.FirstOrDefault()?.TrimStart('/') ?? c.ID,
            c.Labels.TryGetValue(SessionLabel, out var session) ? session : null,
            c.Labels.TryGetValue(NodeLabel, out var node) ? node : null,
            c.Image,
            c.State,
            c.Status)).ToList();
    }

    public async Task<SandboxNode> StartNodeAsync(NodeRequest request, IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        var image = DockerImages.Resolve(request.Image);
        progress.Report(new SandboxProgress($"Looking for the image {image}", 5));
        await CallAsync(() => DockerImages.EnsureAsync(client, Endpoint, image, progress, 5, 35, cancellationToken)).ConfigureAwait(false);

        var node = new SandboxNode
        {
            Name = request.NodeName,
            Engine = EngineKind.Docker,
            Host = LoopbackAddress,
            Image = image,
            DockerEndpoint = Endpoint,
            ContainerName = $"ride-{request.SessionId}-{request.NodeName}",
        };
        try
        {
            progress.Report(new SandboxProgress($"Starting the container {node.ContainerName}", 38));
            await CallAsync(() => CreateAndStartAsync(node, request, image, cancellationToken)).ConfigureAwait(false);
            progress.Report(new SandboxProgress("Waiting for PostgreSQL to accept connections", 42));
            await CallAsync(() => WaitUntilReadyAsync(node, request, cancellationToken)).ConfigureAwait(false);
            await request.Preparation.ApplyAsync(node.Host, node.Port, request.SuperUser, request.SuperPassword, cancellationToken).ConfigureAwait(false);
            return node;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // No half-made sandbox: whatever failed after the container exists takes the container with it.
            await RemoveAfterFailureAsync(node).ConfigureAwait(false);
            throw;
        }
    }

    public async Task<bool> IsNodeAliveAsync(SandboxNode node, CancellationToken cancellationToken)
    {
        var state = await InspectStateAsync(node, cancellationToken).ConfigureAwait(false);
        return state is { Running: true };
    }

    public Task<ProcessResult> RunPsqlAsync(SandboxNode node, PsqlInvocation invocation, CancellationToken cancellationToken)
    {
        var command = new List<string> { "psql" };
        command.AddRange(PsqlArguments.For(LoopbackAddress, ContainerPort, invocation));
        var environment = new List<string>
        {
            "PGPASSWORD=" + invocation.Password,
            "PGAPPNAME=" + invocation.ApplicationName,
            "PGCONNECT_TIMEOUT=10",
        };
        if (invocation.Options is not null)
        {
            environment.Add("PGOPTIONS=" + invocation.Options);
        }

        return CallAsync(async () =>
        {
            try
            {
                return await ExecAsync(ContainerOf(node), command, environment, invocation.Script, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            {
                throw NotRunning(node, ex);
            }
        });
    }

    public Task<IReadOnlyList<string>> ReadServerLogAsync(SandboxNode node, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            try
            {
                return Lines(await ReadLogAsync(ContainerOf(node), null, cancellationToken).ConfigureAwait(false));
            }
            catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return (IReadOnlyList<string>)Array.Empty<string>();
            }
        });

    public Task<string?> RemoveNodeAsync(SandboxNode node, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            var container = ContainerOf(node);
            var state = await InspectStateAsync(node, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                return "The container was already gone.";
            }

            string? note = null;
            if (state.Running)
            {
                try
                {
                    await client.Containers.StopContainerAsync(container, new ContainerStopParameters { WaitBeforeKillSeconds = StopGraceSeconds },
                        cancellationToken).ConfigureAwait(false);
                }
                catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                {
                    return "The container was already gone.";
                }
            }
            else
            {
                note = $"The container had already exited (exit code {state.ExitCode.ToString(CultureInfo.InvariantCulture)}).";
            }

            try
            {
                await client.Containers.RemoveContainerAsync(container, new ContainerRemoveParameters { Force = true, RemoveVolumes = true },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                // Removed by someone else between inspect and remove: the outcome is the same.
            }

            return note;
        });

    public void Dispose()
    {
        // The client is shared by every engine on the same endpoint for the life of the process.
    }

    private async Task CreateAndStartAsync(SandboxNode node, NodeRequest request, string image, CancellationToken cancellationToken)
    {
        var hostPort = request.PreferredPort;
        while (true)
        {
            var created = await client.Containers.CreateContainerAsync(ContainerParameters(node, request, image, hostPort), cancellationToken)
                .ConfigureAwait(false);
            node.ContainerId = created.ID;
            try
            {
                await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (DockerApiException ex) when (hostPort is not null && IsPortTaken(ex))
            {
                // The preferred port is taken: let the engine pick a free one instead.
                await client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true },
                    cancellationToken).ConfigureAwait(false);
                node.ContainerId = null;
                hostPort = null;
            }
            catch (DockerApiException ex)
            {
                throw new RideException("SandboxBootFailed", ErrorCategory.OpenError,
                    $"The Docker engine could not start the container {node.ContainerName} from {image}: {DockerClients.ErrorMessage(ex)}", image, ex);
            }
        }

        var inspect = await client.Containers.InspectContainerAsync(node.ContainerId, cancellationToken).ConfigureAwait(false);
        if (inspect.State is not { Running: true })
        {
            throw await BootFailedAsync(node, inspect.State, cancellationToken).ConfigureAwait(false);
        }

        var binding = inspect.NetworkSettings?.Ports is { } ports && ports.TryGetValue(PortKey, out var bindings)
            ? bindings?.FirstOrDefault(b => b.HostIP == LoopbackAddress)
            : null;
        if (binding is null || !int.TryParse(binding.HostPort, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
        {
            throw new RideException("SandboxBootFailed", ErrorCategory.OpenError,
                $"The container {node.ContainerName} started but the engine reports no port published on {LoopbackAddress} for {PortKey}.", image);
        }

        node.Port = port;
    }

    private static CreateContainerParameters ContainerParameters(SandboxNode node, NodeRequest request, string image, int? hostPort)
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

        return new CreateContainerParameters
        {
            Name = node.ContainerName,
            Image = image,
            Labels = new Dictionary<string, string>
            {
                [ManagedLabel] = "true",
                [SessionLabel] = request.SessionId,
                [NodeLabel] = request.NodeName,
                [VersionLabel] = RideVersion,
            },
            Env = new List<string>
            {
                "POSTGRES_USER=" + request.SuperUser,
                "POSTGRES_PASSWORD=" + request.SuperPassword,
                "POSTGRES_DB=postgres",
                "PGDATA=" + DataDirectory,
            },
            Cmd = command,
            ExposedPorts = new Dictionary<string, EmptyStruct> { [PortKey] = default },
            HostConfig = new HostConfig
            {
                // A sandbox is disposable: its data lives in memory, which makes initdb and CREATE DATABASE several times faster.
                Tmpfs = new Dictionary<string, string> { [DataMount] = "rw,mode=0755" },

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
    }

    private static bool IsPortTaken(DockerApiException ex)
    {
        var message = DockerClients.ErrorMessage(ex);
        return message.Contains("already allocated", StringComparison.OrdinalIgnoreCase)
               || message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
               || message.Contains("bind", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Ready means pg_isready answers inside the container and a real login through the published port works:
    /// the official image runs a temporary server during initialisation and restarts, so one early answer proves nothing.
    /// </summary>
    private async Task WaitUntilReadyAsync(SandboxNode node, NodeRequest request, CancellationToken cancellationToken)
    {
        var container = node.ContainerId!;
        var deadline = DateTime.UtcNow + ReadinessTimeout;
        var probeInside = true;
        var lastProblem = "the server never answered";
        while (true)
        {
            var state = (await client.Containers.InspectContainerAsync(container, cancellationToken).ConfigureAwait(false)).State;
            if (state is not { Running: true })
            {
                throw await BootFailedAsync(node, state, cancellationToken).ConfigureAwait(false);
            }

            var insideReady = true;
            if (probeInside)
            {
                ProcessResult isReady;
                try
                {
                    isReady = await ExecAsync(container,
                        new[] { "pg_isready", "-q", "-h", LoopbackAddress, "-p", ContainerPort.ToString(CultureInfo.InvariantCulture), "-U", request.SuperUser, "-d", "postgres" },
                        Array.Empty<string>(), null, cancellationToken).ConfigureAwait(false);
                }
                catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
                {
                    // The container stopped between the inspection above and the probe: report it as a failed boot.
                    var stopped = (await client.Containers.InspectContainerAsync(container, cancellationToken).ConfigureAwait(false)).State;
                    if (stopped is not { Running: true })
                    {
                        throw await BootFailedAsync(node, stopped, cancellationToken).ConfigureAwait(false);
                    }

                    throw;
                }

                // An image without pg_isready is still usable: the login below decides alone.
                probeInside = isReady.ExitCode is not (ExitCodeNotExecutable or ExitCodeNotFound);
                insideReady = isReady.Succeeded || !probeInside;
                if (!insideReady)
                {
                    lastProblem = "pg_isready inside the container did not report the server ready";
                }
            }

            if (insideReady)
            {
                var (version, problem) = await TryLoginAsync(node, request, cancellationToken).ConfigureAwait(false);
                if (version is not null)
                {
                    node.ServerVersion = version;
                    return;
                }

                lastProblem = problem!;
            }

            if (DateTime.UtcNow >= deadline)
            {
                var tail = await LogTailAsync(container, cancellationToken).ConfigureAwait(false);
                throw new RideException("ReadinessTimeout", ErrorCategory.OperationTimeout,
                    $"PostgreSQL in the container {node.ContainerName} ({node.Image}) did not accept connections on {LoopbackAddress}:{node.Port} "
                    + $"within {ReadinessTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ({lastProblem}). The end of its log:{Environment.NewLine}{tail}",
                    node.Image);
            }

            await Task.Delay(ReadinessPoll, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<RideException> BootFailedAsync(SandboxNode node, State? state, CancellationToken cancellationToken)
    {
        var tail = await LogTailAsync(node.ContainerId!, cancellationToken).ConfigureAwait(false);
        return new RideException("SandboxBootFailed", ErrorCategory.OpenError,
            $"The container {node.ContainerName} ({node.Image}) exited during start-up with exit code "
            + $"{(state?.ExitCode ?? -1).ToString(CultureInfo.InvariantCulture)}. The end of its log:{Environment.NewLine}{tail}",
            node.Image);
    }

    /// <summary>A login as the superuser through the published port; returns the server version (major.minor) or why it failed.</summary>
    private static async Task<(string? Version, string? Problem)> TryLoginAsync(SandboxNode node, NodeRequest request, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = node.Host,
            Port = node.Port,
            Username = request.SuperUser,
            Password = request.SuperPassword,
            Database = "postgres",
            ApplicationName = "ride",
            Pooling = false,
            Timeout = 5,
        };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SHOW server_version", connection);
            var full = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            return (full.Split(' ', 2)[0], null);
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
        {
            return (null, "login through the published port failed: " + ex.Message);
        }
    }

    /// <summary>Runs a command in the container; stdin (when given) is written while the output is read, so neither side can stall the other.</summary>
    private async Task<ProcessResult> ExecAsync(string container, IList<string> command, IList<string> environment, string? standardInput,
        CancellationToken cancellationToken)
    {
        var exec = await client.Exec.CreateContainerExecAsync(container, new ContainerExecCreateParameters
        {
            Cmd = command,
            Env = environment,
            AttachStdin = standardInput is not null,
            AttachStdout = true,
            AttachStderr = true,
        }, cancellationToken).ConfigureAwait(false);

        using (var stream = await client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), cancellationToken).ConfigureAwait(false))
        {
            // A blocked read on the hijacked connection does not watch the token; closing the stream ends it.
            await using var abort = cancellationToken.Register(stream.Dispose);
            var output = stream.ReadOutputToEndAsync(cancellationToken);
            if (standardInput is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(standardInput);
                try
                {
                    await stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
                    stream.CloseWrite();
                }
                catch (IOException)
                {
                    // The command exited before it read all of its input; its exit code and stderr say why.
                }
            }

            try
            {
                var (stdout, stderr) = await output.ConfigureAwait(false);
                return new ProcessResult(await ExitCodeAsync(exec.ID, cancellationToken).ConfigureAwait(false), stdout, stderr);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is IOException or ObjectDisposedException)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    /// <summary>The exec's exit code; the engine may need a moment after the output closes to record it.</summary>
    private async Task<int> ExitCodeAsync(string execId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ExecExitTimeout;
        while (true)
        {
            var inspect = await client.Exec.InspectContainerExecAsync(execId, cancellationToken).ConfigureAwait(false);
            if (!inspect.Running && inspect.ExitCode is { } exitCode)
            {
                return (int)exitCode;
            }

            if (DateTime.UtcNow >= deadline)
            {
                // Output closed but the process never finished: report it as failed rather than wait without end.
                return -1;
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> ReadLogAsync(string container, int? tailLines, CancellationToken cancellationToken)
    {
        using var stream = await client.Containers.GetContainerLogsAsync(container, new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Tail = tailLines?.ToString(CultureInfo.InvariantCulture) ?? "all",
        }, cancellationToken).ConfigureAwait(false);

        // One buffer for both streams keeps the lines in the order the container wrote them.
        using var combined = new MemoryStream();
        await stream.CopyOutputToAsync(Stream.Null, combined, combined, cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(combined.GetBuffer(), 0, (int)combined.Length);
    }

    private async Task<string> LogTailAsync(string container, CancellationToken cancellationToken)
    {
        try
        {
            return string.Join(Environment.NewLine, Lines(await ReadLogAsync(container, LogTailLines, cancellationToken).ConfigureAwait(false)));
        }
        catch (DockerApiException ex)
        {
            return "(the log could not be read: " + DockerClients.ErrorMessage(ex) + ")";
        }
    }

    private static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();

    private async Task<State?> InspectStateAsync(SandboxNode node, CancellationToken cancellationToken) =>
        await CallAsync(async () =>
        {
            try
            {
                return (await client.Containers.InspectContainerAsync(ContainerOf(node), cancellationToken).ConfigureAwait(false)).State;
            }
            catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }).ConfigureAwait(false);

    private async Task RemoveAfterFailureAsync(SandboxNode node)
    {
        if (node.ContainerId is null)
        {
            return;
        }

        try
        {
            await client.Containers.RemoveContainerAsync(node.ContainerId, new ContainerRemoveParameters { Force = true, RemoveVolumes = true },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DockerApiException || DockerClients.IsUnreachable(ex))
        {
            // The original failure is what the user needs to see; a container left behind carries Ride's labels.
        }
    }

    private static string ContainerOf(SandboxNode node) =>
        node.ContainerId ?? node.ContainerName
        ?? throw new RideException("SessionLost", ErrorCategory.InvalidData, $"The node '{node.Name}' records no container.", node.Name);

    private static RideException NotRunning(SandboxNode node, DockerApiException ex) =>
        new("SessionLost", ErrorCategory.ResourceUnavailable,
            $"The sandbox container {node.ContainerName} is no longer running ({DockerClients.ErrorMessage(ex)}). "
            + "Remove the session with Stop-RideScenario and start a new one.",
            node.ContainerName, ex);

    private Task CallAsync(Func<Task> call) =>
        CallAsync(async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        });

    /// <summary>Every call to the engine goes through here, so an engine that stops answering is reported as DockerUnavailable.</summary>
    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (RideException or OperationCanceledException or DockerApiException) && DockerClients.IsUnreachable(ex))
        {
            throw DockerClients.Unavailable(Endpoint, ex);
        }
    }
}
