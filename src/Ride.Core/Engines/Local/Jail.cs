using System.Globalization;
using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>
/// The box a Local sandbox's server and its programs run in (bubblewrap): the system's programs read-only, a private
/// /etc that names only the server account, private /tmp, /dev and /proc, its own network with nothing but loopback,
/// and read-write access to its sandbox folder alone. Whatever a fix makes the server do (COPY … PROGRAM, file
/// functions, archive_command, C functions) happens in here, as an account that owns nothing else. Ride and the
/// actors reach the server through its Unix-domain socket in the sandbox folder; the operator through the gateway.
/// </summary>
public sealed class Jail
{
    private static readonly string[] SystemFolders = { "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" };

    public Jail(string bubblewrap, ServerAccount account, string sandboxDirectory, string binDirectory, IReadOnlyList<string>? sharedSocketDirectories = null,
        long archiveBytes = 0)
    {
        Bubblewrap = bubblewrap;
        Account = account;
        SandboxDirectory = sandboxDirectory;
        BinDirectory = binDirectory;
        SharedSocketDirectories = sharedSocketDirectories ?? Array.Empty<string>();
        ArchiveBytes = archiveBytes;
    }

    /// <summary>The size of the tmpfs at <see cref="NodeRequest.ArchiveDirectory"/>, for a server that archives; 0 for none.</summary>
    public long ArchiveBytes { get; }

    /// <summary>
    /// Other nodes' socket folders, shown at the same paths: how a replica's jail reaches the server it streams from,
    /// and a pooler's every server it may be pointed at.
    /// </summary>
    public IReadOnlyList<string> SharedSocketDirectories { get; }

    public string Bubblewrap { get; }

    public ServerAccount Account { get; }

    public string SandboxDirectory { get; }

    public string BinDirectory { get; }

    /// <summary>The private /etc files, inside the sandbox folder.</summary>
    public string EtcDirectory => Path.Combine(SandboxDirectory, "etc");

    /// <summary>
    /// The command line that runs a program in the jail. The host's own layout decides how /bin, /lib and friends
    /// appear (links into /usr on merged-/usr systems, folders otherwise).
    /// </summary>
    public IReadOnlyList<string> CommandLine(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment,
        bool dieWithParent, Func<string, string?> linkTarget)
    {
        var command = new List<string>();
        if (Account.SwitchUser)
        {
            // Root never enters the jail: bubblewrap runs as the server account, in a user namespace of its own.
            command.AddRange(new[]
            {
                "setpriv", "--reuid=" + Account.Uid.ToString(CultureInfo.InvariantCulture), "--regid=" + Account.Gid.ToString(CultureInfo.InvariantCulture),
                "--clear-groups", "--inh-caps=-all",
            });
        }

        command.Add(Bubblewrap);
        command.AddRange(new[]
        {
            "--unshare-user", "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--new-session",
        });
        if (dieWithParent)
        {
            command.Add("--die-with-parent");
        }

        foreach (var folder in SystemFolders)
        {
            var target = linkTarget(folder);
            if (target is not null)
            {
                command.AddRange(new[] { "--symlink", target, folder });
            }
            else if (folder == "/usr" || Directory.Exists(folder))
            {
                command.AddRange(new[] { "--ro-bind-try", folder, folder });
            }
        }

        // An installation outside the system folders (RIDE_PG_BIN=/opt/pgsql/bin) comes in whole, read-only.
        var installation = Path.GetDirectoryName(Path.GetFullPath(BinDirectory.TrimEnd('/')))!;
        if (!SystemFolders.Any(f => installation == f || installation.StartsWith(f + "/", StringComparison.Ordinal)))
        {
            command.AddRange(new[] { "--ro-bind", installation, installation });
        }

        command.AddRange(new[]
        {
            "--dir", "/etc",
            "--ro-bind", Path.Combine(EtcDirectory, "passwd"), "/etc/passwd",
            "--ro-bind", Path.Combine(EtcDirectory, "group"), "/etc/group",
            "--proc", "/proc",
            "--dev", "/dev",
            "--tmpfs", "/tmp",
            "--bind", SandboxDirectory, SandboxDirectory,
        });
        foreach (var shared in SharedSocketDirectories)
        {
            command.AddRange(new[] { "--bind", shared, shared });
        }

        // Memory, not disk, and capped: an archive_command that outruns it fails like one on a full disk, and the machine
        // is never at risk.
        if (ArchiveBytes > 0)
        {
            command.AddRange(new[] { "--perms", "1777", "--size", ArchiveBytes.ToString(CultureInfo.InvariantCulture), "--tmpfs", NodeRequest.ArchiveDirectory });
        }

        command.AddRange(new[]
        {
            "--chdir", SandboxDirectory,
            "--clearenv",
            "--setenv", "PATH", BinDirectory + ":/usr/bin:/bin",
            "--setenv", "LC_ALL", "C.UTF-8",
            "--setenv", "HOME", SandboxDirectory,
            "--setenv", "USER", Account.Name,
        });
        foreach (var (name, value) in environment)
        {
            if (value is not null)
            {
                command.AddRange(new[] { "--setenv", name, value });
            }
        }

        command.Add("--");
        command.Add(program);
        command.AddRange(arguments);
        return command;
    }

    /// <summary>The passwd and group files the jail shows: the server account and nobody else (root is needed by libc).</summary>
    public async Task WriteEtcAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(EtcDirectory);
        var uid = Account.Uid.ToString(CultureInfo.InvariantCulture);
        var gid = Account.Gid.ToString(CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(EtcDirectory, "passwd"),
            $"root:x:0:0:root:/nonexistent:/usr/sbin/nologin\n{Account.Name}:x:{uid}:{gid}:Ride sandbox:{SandboxDirectory}:/usr/sbin/nologin\n",
            cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(EtcDirectory, "group"), $"root:x:0:\n{Account.Name}:x:{gid}:\n", cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Runs a program in the jail to completion.</summary>
    public Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment,
        string? standardInput, CancellationToken cancellationToken)
    {
        var command = CommandLine(program, arguments, environment, dieWithParent: true, LinkTarget);
        return ProcessRunner.RunAsync(command[0], command.Skip(1), cancellationToken, standardInput: standardInput, workingDirectory: "/");
    }

    /// <summary>Starts a program in the jail, detached from Ride (it outlives the cmdlet), its output appended to a log file. Returns the jail's pid.</summary>
    public async Task<int> StartDetachedAsync(string program, IEnumerable<string> arguments, string logFile, CancellationToken cancellationToken)
    {
        var command = CommandLine(program, arguments, new Dictionary<string, string?>(), dieWithParent: false, LinkTarget);
        return await Detached.StartAsync(command, logFile, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where a system folder links to on this machine (merged /usr: /bin → usr/bin), or null when it is a real folder.</summary>
    public static string? LinkTarget(string folder)
    {
        try
        {
            var info = new DirectoryInfo(folder);
            return info.Exists && info.LinkTarget is { } target ? target : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
