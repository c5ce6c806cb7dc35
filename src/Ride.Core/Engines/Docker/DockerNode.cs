using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Npgsql;
using Ride.Common;

namespace Ride.Engines.Docker;

/// <summary>A sandbox server in a container. Programs run inside it as the postgres account, so the user needs no client.</summary>
internal sealed class DockerNode : ContainerNode, ISandboxNode
{
    private const string ServerAccount = "postgres";
    private const uint StopGraceSeconds = 3;
    private const int ExitCodeNotExecutable = 126;
    private const int ExitCodeNotFound = 127;
    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadinessPoll = TimeSpan.FromMilliseconds(250);

    public DockerNode(DockerHost host, NodeRecord record)
        : base(host, record)
    {
    }

    public Endpoint ServerAddress => new(DockerEngine.LoopbackAddress, DockerEngine.ContainerPort);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (!Record.DurableData)
        {
            throw new RideException("NodeNotRestartable", RideErrorCategory.InvalidOperation,
                $"Node {Record.Name} keeps its data in memory, which a stopped container loses; it cannot be started again.", Record.Name);
        }

        await Host.CallAsync(() => Host.Client.Containers.StartContainerAsync(Container, new ContainerStartParameters(), cancellationToken))
            .ConfigureAwait(false);
        await WaitUntilReadyAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PostgreSQL's shutdown modes are its signals: TERM waits for clients, INT rolls them back, QUIT stops at once.</summary>
    public Task StopAsync(NodeStopMode mode, CancellationToken cancellationToken) =>
        SignalAndWaitAsync(mode switch { NodeStopMode.Smart => "SIGTERM", NodeStopMode.Fast => "SIGINT", _ => "SIGQUIT" }, mode.ToString(), cancellationToken);

    public Task<ProcessResult> RunAsync(ProgramInvocation invocation, CancellationToken cancellationToken)
    {
        var command = new List<string> { invocation.Program };
        command.AddRange(invocation.Arguments);
        var environment = invocation.Environment.Where(e => e.Value is not null).Select(e => e.Key + "=" + e.Value).ToList();
        return Host.CallAsync(async () =>
        {
            try
            {
                return await Host.ExecAsync(Container, command, environment, invocation.StandardInput, ServerAccount, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            {
                throw NotRunning(ex);
            }
        });
    }

    /// <summary>
    /// The server is the container's main process, so a stopped server is a stopped container: the script runs in a
    /// one-off container made from a commit of it, and the node goes on in a new container, with the old one's name and
    /// settings, made from a commit of that. The data must live in the container's own layer, not in memory.
    /// </summary>
    public async Task RunStoppedAsync(string script, CancellationToken cancellationToken)
    {
        var original = await InspectAsync(cancellationToken).ConfigureAwait(false);
        var config = original?.Config
            ?? throw new RideException("SessionLost", RideErrorCategory.ResourceUnavailable, $"The sandbox container {Record.ContainerName} is gone.", Record.ContainerName);
        if (original.HostConfig?.Tmpfs?.ContainsKey(DockerEngine.DataMount) == true)
        {
            throw new RideException("NodeNotRestartable", RideErrorCategory.InvalidOperation,
                $"Node {Record.Name} keeps its data in memory, which a stopped container loses; nothing can run on it stopped.", Record.Name);
        }

        await StopAsync(NodeStopMode.Fast, cancellationToken).ConfigureAwait(false);
        var images = new List<string>();
        string? oneOff = null;
        try
        {
            await Host.CallAsync(async () =>
            {
                var stopped = await Host.Client.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters
                {
                    ContainerID = original!.ID,
                    Comment = $"Ride: node {Record.Name}, stopped",
                }, cancellationToken).ConfigureAwait(false);
                images.Add(stopped.ID);

                oneOff = (await Host.Client.Containers.CreateContainerAsync(new CreateContainerParameters
                {
                    Image = stopped.ID,
                    User = ServerAccount,
                    Entrypoint = new List<string> { "sh", "-c", script },
                    Cmd = new List<string>(),
                    Env = config.Env,
                    Labels = config.Labels,
                    HostConfig = new HostConfig
                    {
                        NetworkMode = "none",
                        CapDrop = new List<string> { "ALL" },
                        SecurityOpt = new List<string> { "no-new-privileges" },
                    },
                }, cancellationToken).ConfigureAwait(false)).ID;
                await Host.Client.Containers.StartContainerAsync(oneOff, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
                var exit = await Host.Client.Containers.WaitContainerAsync(oneOff, cancellationToken).ConfigureAwait(false);
                if (exit.StatusCode != 0)
                {
                    var output = await Host.ReadLogAsync(oneOff, 20, cancellationToken).ConfigureAwait(false);
                    throw new RideException("NodeStoppedStepFailed", RideErrorCategory.OpenError,
                        $"A step on the stopped server of node {Record.Name} failed (exit code {exit.StatusCode.ToString(CultureInfo.InvariantCulture)}): {output.Trim()}",
                        Record.Name);
                }

                var changed = await Host.Client.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters
                {
                    ContainerID = oneOff,
                    Comment = $"Ride: node {Record.Name}, after a step on its stopped server",
                    Entrypoint = config.Entrypoint,
                    Cmd = config.Cmd,
                    Changes = new List<string> { "USER " + (string.IsNullOrEmpty(config.User) ? "root" : config.User) },
                }, cancellationToken).ConfigureAwait(false);
                images.Add(changed.ID);

                await Host.Client.Containers.RemoveContainerAsync(original.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken)
                    .ConfigureAwait(false);
                var successor = new CreateContainerParameters(config)
                {
                    Name = original.Name.TrimStart('/'),
                    Image = changed.ID,
                    HostConfig = original.HostConfig,
                };
                Record.ContainerId = (await Host.Client.Containers.CreateContainerAsync(successor, cancellationToken).ConfigureAwait(false)).ID;
                await Host.Client.Containers.StartContainerAsync(Record.ContainerId, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        catch (DockerApiException ex)
        {
            await ForgetAsync(oneOff, images).ConfigureAwait(false);
            throw new RideException("NodeStoppedStepFailed", RideErrorCategory.OpenError,
                $"A step on the stopped server of node {Record.Name} failed on the Docker engine: {DockerClients.ErrorMessage(ex)}", Record.Name, ex);
        }
        catch
        {
            await ForgetAsync(oneOff, images).ConfigureAwait(false);
            throw;
        }

        await RemoveQuietlyAsync(oneOff!).ConfigureAwait(false);

        await WaitUntilReadyAsync(null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> ReadFileAsync(string relativePath, CancellationToken cancellationToken)
    {
        var result = await RunAsync(new ProgramInvocation("cat", new[] { DataPath(relativePath) }), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput : null;
    }

    public async Task WriteFileAsync(string relativePath, string content, CancellationToken cancellationToken)
    {
        // The path travels as an argument, never inside the script: nothing in it is interpreted by the shell.
        var path = DataPath(relativePath);
        var result = await RunAsync(new ProgramInvocation("sh", new[] { "-c", "cat > \"$1.ride-tmp\" && mv \"$1.ride-tmp\" \"$1\"", "sh", path })
        {
            StandardInput = content,
        }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new RideException("NodeFileWriteFailed", RideErrorCategory.WriteError,
                $"Writing {relativePath} on node {Record.Name} failed: {result.StandardError.Trim()}", relativePath);
        }
    }

    public Task<string?> RemoveAsync(CancellationToken cancellationToken) =>
        Host.CallAsync(async () =>
        {
            var state = (await InspectAsync(cancellationToken).ConfigureAwait(false))?.State;
            if (state is null)
            {
                return "The container was already gone.";
            }

            string? note = null;
            if (state.Running)
            {
                try
                {
                    await Host.Client.Containers.StopContainerAsync(Container, new ContainerStopParameters { WaitBeforeKillSeconds = StopGraceSeconds },
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
                await Host.Client.Containers.RemoveContainerAsync(Container, new ContainerRemoveParameters { Force = true, RemoveVolumes = true },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                // Removed by someone else between inspect and remove: the outcome is the same.
            }

            return note;
        });

    /// <summary>
    /// Ready means pg_isready answers inside the container and, when credentials are given, a real login through the
    /// published port works: the official image runs a temporary server during initialisation, so one early answer
    /// proves nothing. The published port is read again: an engine may choose a new one when a container restarts.
    /// </summary>
    internal async Task WaitUntilReadyAsync((string User, string Password)? login, CancellationToken cancellationToken)
    {
        var probeInside = true;
        try
        {
            await Poll.UntilAsync($"PostgreSQL in the container {Record.ContainerName} ({Record.Image}) to accept connections", ReadinessTimeout, ReadinessPoll,
            async token =>
            {
                var inspect = await Host.CallAsync(() => Host.Client.Containers.InspectContainerAsync(Container, token)).ConfigureAwait(false);
                if (inspect.State is not { Running: true })
                {
                    throw await BootFailedAsync(inspect.State, token).ConfigureAwait(false);
                }

                Record.Port = PublishedPort(inspect, DockerEngine.PortKey);
                if (probeInside)
                {
                    ProcessResult ready;
                    try
                    {
                        ready = await Host.ExecAsync(Container, new[] { "pg_isready", "-q", "-h", ServerAddress.Host, "-p", ServerAddress.Port.ToString(CultureInfo.InvariantCulture) },
                            Array.Empty<string>(), null, null, token).ConfigureAwait(false);
                    }
                    catch (DockerApiException ex)
                    {
                        // The container stopped between the inspection above and the probe (the engine answers 409 when the
                        // exec is created, 500 when it is started): either way, report it as a failed boot.
                        var stopped = (await Host.Client.Containers.InspectContainerAsync(Container, token).ConfigureAwait(false)).State;
                        throw stopped is { Running: true } ? ex : await BootFailedAsync(stopped, token).ConfigureAwait(false);
                    }

                    // An image without pg_isready is still usable: the login below decides alone.
                    probeInside = ready.ExitCode is not (ExitCodeNotExecutable or ExitCodeNotFound);
                    if (probeInside && !ready.Succeeded)
                    {
                        return PollProbe<bool>.Waiting(false, "pg_isready inside the container did not report the server ready");
                    }
                }

                if (login is not { } credentials)
                {
                    return PollProbe<bool>.Finished(true);
                }

                var (version, problem) = await TryLoginAsync(credentials, token).ConfigureAwait(false);
                if (version is null)
                {
                    return PollProbe<bool>.Waiting(false, problem!);
                }

                Record.ServerVersion = version;
                return PollProbe<bool>.Finished(true);
            },
            cancellationToken).ConfigureAwait(false);
        }
        catch (PollTimeoutException timeout)
        {
            var tail = await Host.LogTailAsync(Container, cancellationToken).ConfigureAwait(false);
            throw new RideException("ReadinessTimeout", RideErrorCategory.OperationTimeout,
                $"{timeout.Message} The end of its log:{Environment.NewLine}{tail}", Record.Image, timeout);
        }
    }

    private async Task<RideException> BootFailedAsync(State? state, CancellationToken cancellationToken)
    {
        var tail = await Host.LogTailAsync(Container, cancellationToken).ConfigureAwait(false);
        return new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
            $"The container {Record.ContainerName} ({Record.Image}) exited during start-up with exit code "
            + $"{(state?.ExitCode ?? -1).ToString(CultureInfo.InvariantCulture)}. The end of its log:{Environment.NewLine}{tail}",
            Record.Image);
    }

    /// <summary>A login as the superuser through the published port; returns the server version (major.minor) or why it failed.</summary>
    private async Task<(string? Version, string? Problem)> TryLoginAsync((string User, string Password) login, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await ServerConnection.OpenAsync(
                ServerConnection.For(Record.OperatorEndpoint, login.User, login.Password, "postgres", timeoutSeconds: 5), cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SHOW server_version", connection);
            var full = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            return (full.Split(' ', 2)[0], null);
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
        {
            return (null, "login through the published port failed: " + ex.Message);
        }
    }

    private static string DataPath(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(p => p is "." or ".."))
        {
            throw new ArgumentException($"'{relativePath}' is not inside the data directory.", nameof(relativePath));
        }

        return DockerEngine.DataDirectory + "/" + string.Join('/', parts);
    }

    private async Task RemoveQuietlyAsync(string container)
    {
        try
        {
            await Host.Client.Containers.RemoveContainerAsync(container, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (DockerApiException)
        {
            // Gone already, or the engine will not say: nothing more to do here.
        }
    }

    /// <summary>The one-off container and the images made on the way to a step that failed; an image a container still uses stays.</summary>
    private async Task ForgetAsync(string? oneOff, IEnumerable<string> images)
    {
        if (oneOff is not null)
        {
            await RemoveQuietlyAsync(oneOff).ConfigureAwait(false);
        }

        foreach (var image in images.Reverse())
        {
            try
            {
                await Host.Client.Images.DeleteImageAsync(image, new ImageDeleteParameters(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (DockerApiException)
            {
                // In use, or gone already.
            }
        }
    }

    private RideException NotRunning(DockerApiException ex) =>
        new("SessionLost", RideErrorCategory.ResourceUnavailable,
            $"The sandbox container {Record.ContainerName} is no longer running ({DockerClients.ErrorMessage(ex)}). "
            + "Remove the session with Stop-RideScenario and start a new one.",
            Record.ContainerName, ex);
}
