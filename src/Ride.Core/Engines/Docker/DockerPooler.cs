using System.Formats.Tar;
using System.Globalization;
using System.Net;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Ride.Common;

namespace Ride.Engines.Docker;

/// <summary>
/// PgBouncer in a container on the session network, in front of a node it reaches by name, published on 127.0.0.1.
/// Any image with pgbouncer on its PATH and a user that is not root works: Ride writes the configuration into it and runs
/// pgbouncer on it directly, so the image's own entrypoint and environment play no part.
/// </summary>
internal sealed class DockerPooler : ContainerNode, IPoolerNode
{
    internal const string PortKey = "6432/tcp";
    private const string ConfigDirectory = "/etc/ride-pgbouncer";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    public DockerPooler(DockerHost host, NodeRecord record)
        : base(host, record)
    {
    }

    /// <summary>Where psql for the console reaches the pooler: by its name on the session network, from a database node's container.</summary>
    public Endpoint ServerAddress => new(Record.Name, PgBouncer.ListenPort);

    /// <summary>The configuration that sends every database to <paramref name="upstream"/> by its name on the session network.</summary>
    public static string IniFor(NodeRecord pooler, NodeRecord upstream) =>
        PgBouncer.Ini(new PgBouncer.Layout(null, new Endpoint(upstream.Name, DockerEngine.ContainerPort), ConfigDirectory),
            pooler.PoolerSettings ?? new Dictionary<string, string>(), pooler.PoolerAdmin ?? "");

    /// <summary>
    /// The pooler's container. Its host port is pinned: the pooler restarts on Reset, and an engine would pick a new
    /// ephemeral port at each start, which the applications would lose.
    /// </summary>
    public static CreateContainerParameters ContainerParameters(NodeRecord record, NodeRequest request, string image, int hostPort) => new()
    {
        Name = record.ContainerName,
        Image = image,
        Labels = DockerLabels.For(request.SessionId, request.NodeName),
        Entrypoint = new List<string> { "pgbouncer" },
        Cmd = new List<string> { ConfigDirectory + "/" + PgBouncer.IniFile },
        ExposedPorts = new Dictionary<string, EmptyStruct> { [PortKey] = default },
        HostConfig = new HostConfig
        {
            // PgBouncer needs no privilege at all: it listens on an unprivileged port as the image's (non-root) user.
            CapDrop = new List<string> { "ALL" },
            SecurityOpt = new List<string> { "no-new-privileges" },
            PortBindings = new Dictionary<string, IList<PortBinding>>
            {
                [PortKey] = new List<PortBinding> { new() { HostIP = DockerEngine.LoopbackAddress, HostPort = hostPort.ToString(CultureInfo.InvariantCulture) } },
            },
            NetworkMode = request.Network ?? "",
        },
        NetworkingConfig = request.Network is null ? null : new NetworkingConfig
        {
            EndpointsConfig = new Dictionary<string, EndpointSettings> { [request.Network] = new() { Aliases = new List<string> { request.NodeName } } },
        },
    };

    /// <summary>Writes the configuration into the container (created or running) and waits for PgBouncer to listen.</summary>
    public async Task ConfigureAndStartAsync(NodeRequest request, NodeRecord upstream, CancellationToken cancellationToken)
    {
        var pooler = request.Pooler ?? throw new ArgumentException("A pooler needs its settings.", nameof(request));
        await WriteFilesAsync(new Dictionary<string, string>
        {
            [PgBouncer.AuthFile] = PgBouncer.Users(pooler.Users),
            [PgBouncer.IniFile] = IniFor(Record, upstream),
        }, cancellationToken).ConfigureAwait(false);
        await Host.CallAsync(() => Host.Client.Containers.StartContainerAsync(Container, new ContainerStartParameters(), cancellationToken)).ConfigureAwait(false);
        await WaitUntilListeningAsync(0, cancellationToken).ConfigureAwait(false);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var earlierStarts = await CountStartsAsync(cancellationToken).ConfigureAwait(false);
        await Host.CallAsync(() => Host.Client.Containers.StartContainerAsync(Container, new ContainerStartParameters(), cancellationToken)).ConfigureAwait(false);
        await WaitUntilListeningAsync(earlierStarts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PgBouncer's signals: INT waits for the running queries, TERM closes every connection at once.</summary>
    public Task StopAsync(NodeStopMode mode, CancellationToken cancellationToken) =>
        SignalAndWaitAsync(mode == NodeStopMode.Smart ? "SIGINT" : "SIGTERM", mode.ToString(), cancellationToken);

    public async Task PointAtAsync(NodeRecord upstream, CancellationToken cancellationToken)
    {
        await WriteFileAsync(PgBouncer.IniFile, IniFor(Record, upstream), cancellationToken).ConfigureAwait(false);
        await ReloadAsync(cancellationToken).ConfigureAwait(false);
        Record.Upstream = upstream.Name;
    }

    /// <summary>psql alone, for the console: run in a running database node's container (the pooler's image may have no psql).</summary>
    public Task RunStoppedAsync(string script, CancellationToken cancellationToken) =>
        throw new RideException("NodeHasNoData", RideErrorCategory.InvalidOperation, $"Node {Record.Name} is a pooler: it has no data directory.", Record.Name);

    public Task<ProcessResult> RunAsync(ProgramInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Program != "psql")
        {
            throw PoolerNodes.NotADatabase(Record);
        }

        var command = new List<string> { invocation.Program };
        command.AddRange(invocation.Arguments);
        var environment = invocation.Environment.Where(e => e.Value is not null).Select(e => e.Key + "=" + e.Value).ToList();
        return Host.CallAsync(async () =>
        {
            foreach (var peer in Record.PeerContainers ?? new List<string>())
            {
                try
                {
                    if ((await Host.Client.Containers.InspectContainerAsync(peer, cancellationToken).ConfigureAwait(false)).State is { Running: true })
                    {
                        return await Host.ExecAsync(peer, command, environment, invocation.StandardInput, "postgres", cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (DockerApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
                {
                    // That node is gone or stopping: try the next.
                }
            }

            throw new RideException("NodeNotDatabase", RideErrorCategory.ResourceUnavailable,
                $"No database node of the session runs, so psql for the console of {Record.Name} has nowhere to run.", Record.Name);
        });
    }

    public async Task<string?> ReadFileAsync(string relativePath, CancellationToken cancellationToken)
    {
        var result = await Host.CallAsync(() => Host.ExecAsync(Container, new[] { "cat", ConfigPath(relativePath) }, Array.Empty<string>(), null, null,
            cancellationToken)).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput : null;
    }

    public Task WriteFileAsync(string relativePath, string content, CancellationToken cancellationToken) =>
        WriteFilesAsync(new Dictionary<string, string> { [Path.GetFileName(ConfigPath(relativePath))] = content }, cancellationToken);

    public Task<string?> RemoveAsync(CancellationToken cancellationToken) =>
        Host.CallAsync(async () =>
        {
            var inspect = await InspectAsync(cancellationToken).ConfigureAwait(false);
            if (inspect is null)
            {
                return "The container was already gone.";
            }

            try
            {
                await Host.Client.Containers.RemoveContainerAsync(Container, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
            }

            return inspect.State is { Running: true } ? null
                : $"The container had already exited (exit code {(inspect.State?.ExitCode ?? -1).ToString(CultureInfo.InvariantCulture)}).";
        });

    /// <summary>The files as a tar archive extracted into the configuration folder: works before the container first starts, and while it runs.</summary>
    private async Task WriteFilesAsync(IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        using var archive = new MemoryStream();
        await using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            var folder = new PaxTarEntry(TarEntryType.Directory, ConfigDirectory.TrimStart('/') + "/")
            {
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                       | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
            };
            await writer.WriteEntryAsync(folder, cancellationToken).ConfigureAwait(false);
            foreach (var (name, content) in files)
            {
                // Readable by the image's user, whichever it is; the container holds nothing else to protect them from.
                var entry = new PaxTarEntry(TarEntryType.RegularFile, ConfigDirectory.TrimStart('/') + "/" + name)
                {
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                };
                await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
            }
        }

        archive.Position = 0;
        await Host.CallAsync(() => Host.Client.Containers.ExtractArchiveToContainerAsync(Container, new CopyToContainerParameters { Path = "/" }, archive,
            cancellationToken)).ConfigureAwait(false);
    }

    private const string UpMessage = "process up";

    /// <summary>How often PgBouncer has come up in this container: a restarted container keeps its earlier log.</summary>
    private async Task<int> CountStartsAsync(CancellationToken cancellationToken) =>
        CountOf(await Host.CallAsync(() => Host.ReadLogAsync(Container, null, cancellationToken)).ConfigureAwait(false));

    private static int CountOf(string log) => log.Split(UpMessage).Length - 1;

    /// <summary>Listening once its log says it is up once more than before; the published port is read then (an engine may choose a new one at each start).</summary>
    private async Task WaitUntilListeningAsync(int earlierStarts, CancellationToken cancellationToken)
    {
        try
        {
            await Poll.UntilAsync($"PgBouncer in the container {Record.ContainerName} ({Record.Image}) to listen", ReadyTimeout, TimeSpan.FromMilliseconds(100),
                async token =>
                {
                    var inspect = await InspectAsync(token).ConfigureAwait(false);
                    if (inspect?.State is not { Running: true })
                    {
                        var tail = await Host.LogTailAsync(Container, token).ConfigureAwait(false);
                        throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
                            $"The container {Record.ContainerName} ({Record.Image}) exited during start-up with exit code "
                            + $"{(inspect?.State?.ExitCode ?? -1).ToString(CultureInfo.InvariantCulture)}. The end of its log:{Environment.NewLine}{tail}", Record.Image);
                    }

                    if (CountOf(await Host.ReadLogAsync(Container, null, token).ConfigureAwait(false)) <= earlierStarts)
                    {
                        return PollProbe<bool>.Waiting(false, "PgBouncer has not reported that it is up");
                    }

                    Record.Port = PublishedPort(inspect, PortKey);
                    return PollProbe<bool>.Finished(true);
                }, cancellationToken).ConfigureAwait(false);
        }
        catch (PollTimeoutException timeout)
        {
            var tail = await Host.LogTailAsync(Container, cancellationToken).ConfigureAwait(false);
            throw new RideException("ReadinessTimeout", RideErrorCategory.OperationTimeout, $"{timeout.Message} The end of its log:{Environment.NewLine}{tail}",
                Record.Image, timeout);
        }
    }

    /// <summary>Only PgBouncer's own two files can be read or written.</summary>
    private static string ConfigPath(string relativePath) => relativePath is PgBouncer.IniFile or PgBouncer.AuthFile
        ? ConfigDirectory + "/" + relativePath
        : throw new ArgumentException($"A pooler node has {PgBouncer.IniFile} and {PgBouncer.AuthFile}, not '{relativePath}'.", nameof(relativePath));
}
