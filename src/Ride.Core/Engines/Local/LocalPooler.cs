using System.Globalization;
using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>
/// PgBouncer in a jail of its own, as the server account: its socket in its sandbox folder (relayed to 127.0.0.1 by a
/// gateway like a server's), the sockets of the session's servers shown in its jail, its log in its sandbox folder.
/// </summary>
internal sealed class LocalPooler : JailedProcessNode, IPoolerNode
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    public LocalPooler(LocalEnvironment local, NodeRecord record)
        : base(local, record)
    {
    }

    protected override string ProcessCommandLine => Program + " " + IniPath;

    protected override string What => $"PgBouncer of node {Record.Name}";

    private string Program => Record.PoolerProgram ?? Local.PgBouncer();

    private string IniPath => Path.Combine(Record.SandboxDirectory!, PgBouncer.IniFile);

    private Jail Jail => Local.PoolerJailFor(Record.SandboxDirectory!, Program, Record.PeerSocketDirectories ?? new List<string>());

    /// <summary>Makes the pooler's folder, its configuration and its jail, starts it and opens its gateway; nothing is left behind on failure.</summary>
    public static async Task<ISandboxNode> CreateAsync(LocalEnvironment local, NodeRecord record, NodeRequest request, IProgress<SandboxProgress> progress,
        CancellationToken cancellationToken)
    {
        var upstream = request.UpstreamNode ?? throw new ArgumentException("A pooler needs the node it fronts.", nameof(request));
        var pooler = request.Pooler ?? throw new ArgumentException("A pooler needs its settings.", nameof(request));
        record.PoolerProgram = local.PgBouncer();
        record.ServerPort = PgBouncer.ListenPort;
        record.DataDirectory = null;
        record.ServerLogPath = Path.Combine(record.SandboxDirectory!, "pgbouncer.log");
        record.PeerSocketDirectories = request.Peers.Select(p => p.SocketDirectory).OfType<string>().Distinct().ToList();
        record.PoolerSettings = new Dictionary<string, string>(pooler.Settings, StringComparer.Ordinal);
        record.PoolerAdmin = pooler.AdminUser;
        var node = new LocalPooler(local, record);
        try
        {
            progress.Report(new SandboxProgress($"Starting PgBouncer ({record.Name}) in front of {upstream.Name}", 45));
            Directory.CreateDirectory(record.SocketDirectory!);
            await node.Jail.WriteEtcAsync(cancellationToken).ConfigureAwait(false);
            await node.WriteFileAsync(PgBouncer.AuthFile, PgBouncer.Users(pooler.Users), cancellationToken).ConfigureAwait(false);
            await node.WriteFileAsync(PgBouncer.IniFile, IniFor(record, upstream), cancellationToken).ConfigureAwait(false);
            await local.Account.GiveAsync(record.SandboxDirectory!, cancellationToken).ConfigureAwait(false);
            await node.StartAsync(cancellationToken).ConfigureAwait(false);
            var (gateway, port) = await Gateway.StartAsync(local.Options, record, request.PreferredPort, cancellationToken).ConfigureAwait(false);
            record.GatewayPid = gateway;
            record.Port = port;
            return node;
        }
        catch
        {
            await node.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The configuration that sends every database to <paramref name="upstream"/>'s socket.</summary>
    public static string IniFor(NodeRecord pooler, NodeRecord upstream) =>
        PgBouncer.Ini(new PgBouncer.Layout(pooler.SocketDirectory, new Endpoint(upstream.SocketDirectory!, upstream.ServerPort), pooler.SandboxDirectory!),
            pooler.PoolerSettings ?? new Dictionary<string, string>(), pooler.PoolerAdmin ?? "");

    /// <summary>Starts PgBouncer in its jail and waits until its socket is there.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsOurs(Record.ServerPid))
        {
            return;
        }

        var socket = Path.Combine(Record.SocketDirectory!, ".s.PGSQL." + Record.ServerPort.ToString(CultureInfo.InvariantCulture));
        File.Delete(socket);
        var jailPid = await Jail.StartDetachedAsync(Program, new[] { IniPath }, Record.ServerLogPath!, cancellationToken).ConfigureAwait(false);
        var started = DateTime.UtcNow;
        await Poll.UntilAsync($"PgBouncer of node {Record.Name} to listen", ReadyTimeout, TimeSpan.FromMilliseconds(20), async token =>
            {
                if (File.Exists(socket) && FindOurs() is { } pid)
                {
                    Record.ServerPid = pid;
                    Record.JailPid = NativeMethods.ParentOf(pid);
                    return PollProbe<bool>.Finished(true);
                }

                if (!NativeMethods.ProcessExists(jailPid) && DateTime.UtcNow - started > TimeSpan.FromMilliseconds(200))
                {
                    var log = await ReadServerLogAsync(token).ConfigureAwait(false);
                    throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
                        $"PgBouncer of node {Record.Name} exited during start-up. Its log:{Environment.NewLine}{Text.Tail(string.Join('\n', log))}", Record.Name);
                }

                return PollProbe<bool>.Waiting(false, "no socket yet");
            },
            timeout => new RideException("ReadinessTimeout", RideErrorCategory.OperationTimeout, timeout.Message, Record.Name), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>PgBouncer's signals: INT waits for the running queries, TERM closes every connection at once.</summary>
    public Task StopAsync(NodeStopMode mode, CancellationToken cancellationToken) =>
        SignalAndWaitAsync(mode == NodeStopMode.Smart ? SignalInterrupt : SignalTerminate, mode.ToString(), null, cancellationToken);

    public async Task PointAtAsync(NodeRecord upstream, CancellationToken cancellationToken)
    {
        await WriteFileAsync(PgBouncer.IniFile, IniFor(Record, upstream), cancellationToken).ConfigureAwait(false);
        await ReloadAsync(cancellationToken).ConfigureAwait(false);
        Record.Upstream = upstream.Name;
    }

    /// <summary>psql alone, for the console: PostgreSQL's client from the session's installation, in the pooler's own jail, to its own socket.</summary>
    public Task RunStoppedAsync(string script, CancellationToken cancellationToken) =>
        throw new RideException("NodeHasNoData", RideErrorCategory.InvalidOperation, $"Node {Record.Name} is a pooler: it has no data directory.", Record.Name);

    public Task<ProcessResult> RunAsync(ProgramInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Program != "psql")
        {
            throw PoolerNodes.NotADatabase(Record);
        }

        return Jail.RunAsync(Local.Program("psql"), invocation.Arguments, invocation.Environment, invocation.StandardInput, cancellationToken);
    }

    public async Task<string?> ReadFileAsync(string relativePath, CancellationToken cancellationToken)
    {
        var path = ConfigPath(relativePath);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task WriteFileAsync(string relativePath, string content, CancellationToken cancellationToken)
    {
        var path = ConfigPath(relativePath);
        var temporary = path + ".ride-tmp";
        await File.WriteAllTextAsync(temporary, content, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await Local.Account.GiveAsync(temporary, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    public async Task<string?> RemoveAsync(CancellationToken cancellationToken)
    {
        var note = IsOurs(Record.ServerPid) ? null : "PgBouncer was no longer running.";
        Gateway.Stop(Record.GatewayPid);
        if (IsOurs(Record.ServerPid))
        {
            try
            {
                await StopAsync(NodeStopMode.Immediate, cancellationToken).ConfigureAwait(false);
            }
            catch (RideException)
            {
                // Ending the jail below ends everything in it.
            }
        }

        EndJail(IniPath);

        if (Record.SandboxDirectory is { } sandbox)
        {
            SandboxFolders.DeleteQuietly(sandbox);
        }

        return note;
    }

    /// <summary>Only PgBouncer's own two files can be read or written.</summary>
    private string ConfigPath(string relativePath) => relativePath is PgBouncer.IniFile or PgBouncer.AuthFile
        ? Path.Combine(Record.SandboxDirectory!, relativePath)
        : throw new ArgumentException($"A pooler node has {PgBouncer.IniFile} and {PgBouncer.AuthFile}, not '{relativePath}'.", nameof(relativePath));
}
