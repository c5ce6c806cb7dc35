using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using Ride.Common;

namespace Ride.Sandbox;

/// <summary>Sandboxes made with initdb/pg_ctl from the PostgreSQL binaries on this machine.</summary>
public sealed class LocalEngine : ISandboxEngine
{
    private const int MaxPortAttempts = 5;
    private const string SharedSandboxRoot = "/var/lib/ride";

    public EngineKind Kind => EngineKind.Local;

    public async Task<SandboxNode> StartNodeAsync(NodeRequest request, IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        var bin = PostgresBinaries.Find();
        var osUser = RidePaths.IsRoot ? await UnprivilegedUser.EnsureAsync(cancellationToken).ConfigureAwait(false) : null;
        var (sandboxDirectory, clusterCache) = await PrepareSandboxDirectoryAsync(request, osUser, cancellationToken).ConfigureAwait(false);
        var node = new SandboxNode
        {
            Name = request.NodeName,
            Engine = EngineKind.Local,
            BinDirectory = bin,
            OsUser = osUser,
            DataDirectory = Path.Combine(sandboxDirectory, "data"),
            ServerLogPath = Path.Combine(sandboxDirectory, "server.log"),
        };

        try
        {
            return await BootAsync(node, request, clusterCache, progress, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await RemoveNodeAsync(node, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<SandboxNode> BootAsync(SandboxNode node, NodeRequest request, string clusterCache,
        IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        var osUser = node.OsUser;
        var bin = node.BinDirectory!;
        var dataDirectory = node.DataDirectory!;
        var serverLog = node.ServerLogPath!;
        var prepared = await PreparedClusters.EnsureAsync(clusterCache, bin, osUser, request, progress, cancellationToken)
            .ConfigureAwait(false);
        progress.Report(new SandboxProgress("Copying the prepared cluster", 25));
        await PreparedClusters.CopyAsync(prepared, dataDirectory, cancellationToken).ConfigureAwait(false);
        node.ServerVersion = File.ReadAllText(Path.Combine(dataDirectory, "PG_VERSION")).Trim();
        await WriteConfigurationAsync(node, request, cancellationToken).ConfigureAwait(false);

        progress.Report(new SandboxProgress("Starting the server", 40));
        var port = request.PreferredPort ?? FreePort();
        for (var attempt = 1; ; attempt++)
        {
            var start = await RunAsAsync(osUser, Path.Combine(bin, PostgresBinaries.Executable("pg_ctl")), new[]
            {
                "start", "-D", dataDirectory, "-l", serverLog, "-w", "-t", "60", "-s",
                "-o", "-p " + port.ToString(CultureInfo.InvariantCulture),
            }, cancellationToken).ConfigureAwait(false);
            if (start.Succeeded)
            {
                node.Port = port;
                await RekeyAsync(node, request, prepared.SuperPassword, cancellationToken).ConfigureAwait(false);
                return node;
            }

            var log = File.Exists(serverLog) ? await File.ReadAllTextAsync(serverLog, cancellationToken).ConfigureAwait(false) : "";
            var portTaken = log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                            || log.Contains("already in use", StringComparison.OrdinalIgnoreCase)
                            || log.Contains("could not create any TCP/IP sockets", StringComparison.OrdinalIgnoreCase);
            if (!portTaken || attempt >= MaxPortAttempts)
            {
                throw new RideException("SandboxBootFailed", ErrorCategory.OpenError,
                    $"The PostgreSQL server did not start (pg_ctl exit code {start.ExitCode}). Server log: {Tail(log)}", dataDirectory);
            }

            // Somebody took the port between our probe and the server's bind: try another one.
            await File.WriteAllTextAsync(serverLog, "", cancellationToken).ConfigureAwait(false);
            port = FreePort();
        }
    }

    /// <summary>Every copy starts with the prepared cluster's password; the session gets its own before anything else connects.</summary>
    private static async Task RekeyAsync(SandboxNode node, NodeRequest request, string preparedPassword, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = node.Host,
            Port = node.Port,
            Username = request.SuperUser,
            Password = preparedPassword,
            Database = "postgres",
            ApplicationName = "ride",
            Pooling = false,
            Timeout = 15,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"ALTER ROLE {Sql.Identifier(request.SuperUser)} PASSWORD {Sql.Literal(request.SuperPassword)}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> IsNodeAliveAsync(SandboxNode node, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(node.DataDirectory ?? "", "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return Task.FromResult(false);
        }

        try
        {
            var first = File.ReadLines(pidFile).FirstOrDefault();
            return Task.FromResult(int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && NativeMethods.ProcessExists(pid));
        }
        catch (IOException)
        {
            return Task.FromResult(false);
        }
    }

    public Task<ProcessResult> RunPsqlAsync(SandboxNode node, PsqlInvocation invocation, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PGPASSWORD"] = invocation.Password,
            ["PGAPPNAME"] = invocation.ApplicationName,
            ["PGOPTIONS"] = invocation.Options,
            ["PGCONNECT_TIMEOUT"] = "10",
            ["PSQLRC"] = null,
        };
        var psql = Path.Combine(node.BinDirectory ?? PostgresBinaries.Find(), PostgresBinaries.Executable("psql"));
        return ProcessRunner.RunAsync(psql, PsqlArguments.For(node.Host, node.Port, invocation), cancellationToken, environment, invocation.Script);
    }

    public async Task<IReadOnlyList<string>> ReadServerLogAsync(SandboxNode node, CancellationToken cancellationToken)
    {
        if (node.ServerLogPath is null || !File.Exists(node.ServerLogPath))
        {
            return Array.Empty<string>();
        }

        await using var stream = new FileStream(node.ServerLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public async Task<string?> RemoveNodeAsync(SandboxNode node, CancellationToken cancellationToken)
    {
        string? note = null;
        if (node.DataDirectory is not null && Directory.Exists(node.DataDirectory))
        {
            if (await IsNodeAliveAsync(node, cancellationToken).ConfigureAwait(false))
            {
                var stop = await RunAsAsync(node.OsUser, Path.Combine(node.BinDirectory ?? PostgresBinaries.Find(), PostgresBinaries.Executable("pg_ctl")),
                    new[] { "stop", "-D", node.DataDirectory, "-m", "immediate", "-w", "-t", "30", "-s" }, cancellationToken).ConfigureAwait(false);
                if (!stop.Succeeded && await IsNodeAliveAsync(node, cancellationToken).ConfigureAwait(false))
                {
                    KillPostmaster(node);
                }
            }
            else
            {
                note = "The PostgreSQL server was no longer running.";
            }
        }
        else
        {
            note = "The sandbox's data directory was already gone.";
        }

        var sandboxDirectory = node.DataDirectory is null ? null : Path.GetDirectoryName(node.DataDirectory);
        if (sandboxDirectory is not null && Directory.Exists(sandboxDirectory))
        {
            Directory.Delete(sandboxDirectory, recursive: true);
        }

        return note;
    }

    public void Dispose()
    {
    }

    private static void KillPostmaster(SandboxNode node)
    {
        var pidFile = Path.Combine(node.DataDirectory!, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            NativeMethods.Kill(pid);
        }
    }

    private static async Task WriteConfigurationAsync(SandboxNode node, NodeRequest request, CancellationToken cancellationToken)
    {
        var conf = new StringBuilder();
        conf.AppendLine();
        conf.AppendLine("# Ride sandbox settings");
        conf.AppendLine("listen_addresses = '127.0.0.1'");
        conf.AppendLine("unix_socket_directories = ''");

        // Dynamic shared memory as files in the data directory, not in /dev/shm: a server that dies without
        // cleaning up (killed, out of memory) then leaves nothing behind once Stop removes the sandbox.
        conf.AppendLine("dynamic_shared_memory_type = 'mmap'");
        foreach (var (name, value) in request.Settings)
        {
            conf.Append(name).Append(" = ").AppendLine(Sql.Literal(value));
        }

        await File.AppendAllTextAsync(Path.Combine(node.DataDirectory!, "postgresql.conf"), conf.ToString(), cancellationToken).ConfigureAwait(false);
    }

    internal const string HostBasedAuthentication =
        "# Ride sandbox: password logins over loopback only\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n";

    /// <summary>
    /// The folder that holds data and log, and where prepared clusters are kept. Data goes to a RAM-backed folder
    /// when there is one (RIDE_SANDBOX_ROOT, else /dev/shm with room to spare): a sandbox is disposable, and creating
    /// its thousand-odd files is most of the cost of a start on disk. Otherwise it lives in the session folder, or in
    /// /var/lib/ride when Ride runs as root and the server account cannot reach the session folder (e.g. under /root).
    /// </summary>
    private static async Task<(string Sandbox, string ClusterCache)> PrepareSandboxDirectoryAsync(NodeRequest request, string? osUser,
        CancellationToken cancellationToken)
    {
        var name = "sandbox-" + request.NodeName;
        var inSession = Path.Combine(request.SessionDirectory, name);
        var homeReachable = await TryClaimAsync(inSession, osUser, cancellationToken).ConfigureAwait(false);
        var clusterCache = homeReachable ? Path.Combine(RidePaths.Home, "clusters") : Path.Combine(SharedSandboxRoot, "clusters");
        if (await FastSandboxRootAsync(cancellationToken).ConfigureAwait(false) is { } fast)
        {
            var directory = Path.Combine(fast, request.SessionId + "-" + request.NodeName);
            if (await TryClaimAsync(directory, osUser, cancellationToken).ConfigureAwait(false))
            {
                DeleteQuietly(inSession);
                return (directory, clusterCache);
            }
        }

        if (homeReachable)
        {
            return (inSession, clusterCache);
        }

        DeleteQuietly(inSession);
        var shared = Path.Combine(SharedSandboxRoot, request.SessionId + "-" + request.NodeName);
        if (!await TryClaimAsync(shared, osUser, cancellationToken).ConfigureAwait(false))
        {
            throw new RideException("SandboxBootFailed", ErrorCategory.PermissionDenied,
                $"The server account '{osUser}' can reach neither '{inSession}' nor '{shared}'. Set RIDE_HOME to a folder it can read.", shared);
        }

        return (shared, clusterCache);
    }

    /// <summary>Creates the folder for the server account and checks that the account can really use it.</summary>
    private static async Task<bool> TryClaimAsync(string directory, string? osUser, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        if (osUser is null)
        {
            return true;
        }

        await GiveToAsync(osUser, directory, cancellationToken).ConfigureAwait(false);
        var probe = await RunAsAsync(osUser, "test", new[] { "-w", directory, "-a", "-x", directory }, cancellationToken).ConfigureAwait(false);
        if (!probe.Succeeded)
        {
            DeleteQuietly(directory);
        }

        return probe.Succeeded;
    }

    /// <summary>RIDE_SANDBOX_ROOT when set; else /dev/shm when it is a tmpfs with at least 1 GiB free; else none.</summary>
    private static async Task<string?> FastSandboxRootAsync(CancellationToken cancellationToken)
    {
        var configured = Environment.GetEnvironmentVariable("RIDE_SANDBOX_ROOT");
        string root;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            root = Path.GetFullPath(configured);
        }
        else
        {
            const string shm = "/dev/shm";
            if (OperatingSystem.IsWindows() || !Directory.Exists(shm) || !IsTmpfs(shm) || new DriveInfo(shm).AvailableFreeSpace < (1L << 30))
            {
                return null;
            }

            root = shm;
        }

        // One folder per user, only traversable by others (the server account needs that much), and really ours.
        var mine = Path.Combine(root, "ride-" + NativeMethods.GetEuid().ToString(CultureInfo.InvariantCulture));
        try
        {
            Directory.CreateDirectory(mine);
            if (OperatingSystem.IsWindows())
            {
                return mine;
            }

            // A folder somebody else made in a shared place is not used: its owner could swap what Ride puts there.
            var owner = await ProcessRunner.RunAsync("stat", new[] { "-c", "%u", mine }, cancellationToken).ConfigureAwait(false);
            if (!owner.Succeeded || owner.StandardOutput.Trim() != NativeMethods.GetEuid().ToString(CultureInfo.InvariantCulture))
            {
                return null;
            }

            File.SetUnixFileMode(mine, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                       | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            return mine;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsTmpfs(string path)
    {
        try
        {
            return File.ReadLines("/proc/mounts").Select(l => l.Split(' ')).Any(f => f.Length > 2 && f[1] == path && f[2] == "tmpfs");
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }

    internal static async Task GiveToAsync(string? osUser, string path, CancellationToken cancellationToken)
    {
        if (osUser is null)
        {
            return;
        }

        var chown = await ProcessRunner.RunAsync("chown", new[] { osUser + ":", path }, cancellationToken).ConfigureAwait(false);
        if (!chown.Succeeded)
        {
            throw new RideException("SandboxBootFailed", ErrorCategory.PermissionDenied,
                $"Could not hand '{path}' to the server account '{osUser}': {chown.StandardError.Trim()}", path);
        }
    }

    /// <summary>Runs a tool directly, or as the unprivileged account when Ride runs as root (the server refuses root).</summary>
    internal static Task<ProcessResult> RunAsAsync(string? osUser, string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        if (osUser is null)
        {
            return ProcessRunner.RunAsync(tool, arguments, cancellationToken);
        }

        return ProcessRunner.RunAsync("runuser", new[] { "-u", osUser, "--", tool }.Concat(arguments), cancellationToken,
            workingDirectory: "/");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    internal static string Tail(string text, int lines = 15)
    {
        var all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines))).Trim();
    }
}

/// <summary>psql's command line, shared by the engines.</summary>
public static class PsqlArguments
{
    public static IEnumerable<string> For(string host, int port, PsqlInvocation invocation) => new[]
    {
        "-X", "-q", "-v", "ON_ERROR_STOP=1",
        "-h", host, "-p", port.ToString(CultureInfo.InvariantCulture),
        "-U", invocation.User, "-d", invocation.Database,
        "-f", "-",
    };
}

/// <summary>The account a root-run Ride uses for the server: the packaged 'postgres' user when present, else a 'ride' system user it creates.</summary>
internal static class UnprivilegedUser
{
    public static async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        foreach (var candidate in new[] { "postgres", "ride" })
        {
            var id = await ProcessRunner.RunAsync("id", new[] { "-u", candidate }, cancellationToken).ConfigureAwait(false);
            if (id.Succeeded && id.StandardOutput.Trim() != "0")
            {
                return candidate;
            }
        }

        var add = await ProcessRunner.RunAsync("useradd", new[] { "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "ride" }, cancellationToken)
            .ConfigureAwait(false);
        if (!add.Succeeded)
        {
            throw new RideException("SandboxBootFailed", ErrorCategory.PermissionDenied,
                "PostgreSQL refuses to run as root and no unprivileged account ('postgres' or 'ride') exists; creating 'ride' failed: "
                + add.StandardError.Trim() + ". Create an unprivileged user named 'ride', or run Ride as a normal user.", "ride");
        }

        return "ride";
    }
}
