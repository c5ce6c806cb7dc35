using System.Globalization;
using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>
/// Where a Local sandbox's data, log and socket go, and where prepared clusters are kept. Data goes to a RAM-backed
/// folder when there is one (RIDE_SANDBOX_ROOT, else /dev/shm with room to spare): a sandbox is disposable, and
/// creating its thousand-odd files is most of the cost of a start on disk. Otherwise it lives in the session
/// folder, or in /var/lib/ride when the server account cannot reach the session folder (e.g. under /root).
/// </summary>
internal sealed class SandboxFolders
{
    private const string SharedRoot = "/var/lib/ride";
    private const long FastRootMinimumFree = 1L << 30;

    private readonly RideOptions _options;
    private readonly ServerAccount _account;

    public SandboxFolders(RideOptions options, ServerAccount account)
    {
        _options = options;
        _account = account;
    }

    /// <summary>The sandbox folder of a node, made and handed to the server account, and the prepared-cluster cache to use.</summary>
    public async Task<(string Sandbox, string ClusterCache)> ClaimAsync(string sessionDirectory, string sessionId, string nodeName,
        CancellationToken cancellationToken)
    {
        var name = "sandbox-" + nodeName;
        var inSession = Path.Combine(sessionDirectory, name);
        var homeReachable = await TryClaimAsync(inSession, cancellationToken).ConfigureAwait(false);
        var clusterCache = homeReachable ? Path.Combine(_options.Home, "clusters") : Path.Combine(SharedRoot, "clusters");
        if (await FastRootAsync(cancellationToken).ConfigureAwait(false) is { } fast)
        {
            var directory = Path.Combine(fast, sessionId + "-" + nodeName);
            if (await TryClaimAsync(directory, cancellationToken).ConfigureAwait(false))
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
        var shared = Path.Combine(SharedRoot, sessionId + "-" + nodeName);
        if (!await TryClaimAsync(shared, cancellationToken).ConfigureAwait(false))
        {
            throw new RideException("SandboxBootFailed", RideErrorCategory.PermissionDenied,
                $"The server account '{_account.Name}' can reach neither '{inSession}' nor '{shared}'. Set RIDE_HOME to a folder it can read.", shared);
        }

        return (shared, clusterCache);
    }

    /// <summary>Creates the folder for the server account and checks that the account can really use it.</summary>
    public async Task<bool> TryClaimAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        if (!_account.SwitchUser)
        {
            return true;
        }

        await _account.GiveAsync(directory, cancellationToken).ConfigureAwait(false);
        var probe = await _account.RunAsync("test", new[] { "-w", directory, "-a", "-x", directory }, cancellationToken).ConfigureAwait(false);
        if (!probe.Succeeded)
        {
            DeleteQuietly(directory);
        }

        return probe.Succeeded;
    }

    /// <summary>RIDE_SANDBOX_ROOT when set; else /dev/shm when it is a tmpfs with at least 1 GiB free; else none.</summary>
    private async Task<string?> FastRootAsync(CancellationToken cancellationToken)
    {
        string root;
        if (_options.SandboxRoot is { } configured)
        {
            root = configured;
        }
        else
        {
            const string shm = "/dev/shm";
            if (OperatingSystem.IsWindows() || !Directory.Exists(shm) || !IsTmpfs(shm) || new DriveInfo(shm).AvailableFreeSpace < FastRootMinimumFree)
            {
                return null;
            }

            root = shm;
        }

        // One folder per user, only traversable by others (the server account needs that much), and really ours.
        var euid = NativeMethods.GetEuid().ToString(CultureInfo.InvariantCulture);
        var mine = Path.Combine(root, "ride-" + euid);
        try
        {
            Directory.CreateDirectory(mine);
            if (OperatingSystem.IsWindows())
            {
                return mine;
            }

            // A folder somebody else made in a shared place is not used: its owner could swap what Ride puts there.
            var owner = await ProcessRunner.RunAsync("stat", new[] { "-c", "%u", mine }, cancellationToken).ConfigureAwait(false);
            if (!owner.Succeeded || owner.StandardOutput.Trim() != euid)
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

    public static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
