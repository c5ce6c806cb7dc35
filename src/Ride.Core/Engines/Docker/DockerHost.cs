using System.Globalization;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Ride.Common;

namespace Ride.Engines.Docker;

/// <summary>One Docker endpoint and the calls Ride makes on it: every call reports an engine that stopped answering as DockerUnavailable.</summary>
internal sealed class DockerHost
{
    private static readonly TimeSpan ExecExitTimeout = TimeSpan.FromSeconds(5);

    public DockerHost(string endpoint, bool fromDockerHost)
    {
        Endpoint = endpoint;
        FromDockerHost = fromDockerHost;
        Client = DockerClients.For(endpoint);
    }

    public string Endpoint { get; }

    public bool FromDockerHost { get; }

    public DockerClient Client { get; }

    public Task CallAsync(Func<Task> call) =>
        CallAsync(async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        });

    public async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (RideException or OperationCanceledException or DockerApiException) && DockerClients.IsUnreachable(ex))
        {
            throw DockerClients.Unavailable(Endpoint, FromDockerHost, ex);
        }
    }

    /// <summary>Runs a command in the container; stdin (when given) is written while the output is read, so neither side can stall the other.</summary>
    public async Task<ProcessResult> ExecAsync(string container, IList<string> command, IList<string> environment, string? standardInput,
        string? user, CancellationToken cancellationToken)
    {
        var exec = await Client.Exec.CreateContainerExecAsync(container, new ContainerExecCreateParameters
        {
            Cmd = command,
            Env = environment,
            User = user ?? "",
            AttachStdin = standardInput is not null,
            AttachStdout = true,
            AttachStderr = true,
        }, cancellationToken).ConfigureAwait(false);

        using var stream = await Client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), cancellationToken).ConfigureAwait(false);

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

    /// <summary>The exec's exit code; the engine may need a moment after the output closes to record it.</summary>
    private async Task<int> ExitCodeAsync(string execId, CancellationToken cancellationToken)
    {
        try
        {
            return await Poll.UntilAsync("the exit code of a command in the container", ExecExitTimeout, TimeSpan.FromMilliseconds(50), async token =>
                {
                    var inspect = await Client.Exec.InspectContainerExecAsync(execId, token).ConfigureAwait(false);
                    return !inspect.Running && inspect.ExitCode is { } exitCode
                        ? PollProbe<int>.Finished((int)exitCode)
                        : PollProbe<int>.Waiting(-1, "still running");
                },
                timeout => new TimeoutException(timeout.Message), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Output closed but the process never finished: report it as failed rather than wait without end.
            return -1;
        }
    }

    public async Task<string> ReadLogAsync(string container, int? tailLines, CancellationToken cancellationToken)
    {
        using var stream = await Client.Containers.GetContainerLogsAsync(container, new ContainerLogsParameters
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

    public async Task<string> LogTailAsync(string container, CancellationToken cancellationToken)
    {
        try
        {
            return string.Join(Environment.NewLine, Text.Lines(await ReadLogAsync(container, 20, cancellationToken).ConfigureAwait(false)));
        }
        catch (DockerApiException ex)
        {
            return "(the log could not be read: " + DockerClients.ErrorMessage(ex) + ")";
        }
    }
}
