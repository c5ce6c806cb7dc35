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

    private string? _inSession;
    private bool _homeReachable;

    /// <summary>
    /// Where prepared clusters and seeded snapshots are kept: under RIDE_HOME when the server account can reach the
    /// session folder there, else in /var/lib/ride. Call before <see cref="ClaimAsync"/>.
    /// </summary>
    public async Task<string> ClusterCacheAsync(string sessionDirectory, string nodeName, CancellationToken cancellationToken)
    {
        _inSession = Path.Combine(sessionDirectory, "sandbox-" + nodeName);
        _homeReachable = await TryClaimAsync(_inSession, cancellationToken).ConfigureAwait(false);
        return _homeReachable ? Path.Combine(_options.Home, "clusters") : Path.Combine(SharedRoot, "clusters");
    }

    /// <summary>
    /// The sandbox folder of a node, made and handed to the server account: in memory when the data it will hold
    /// (<paramref name="dataBytes"/>, measured on the copy it starts from) fits there with room to grow, else on disk.
    /// </summary>
    public async Task<string> ClaimAsync(string sessionId, string nodeName, long dataBytes, CancellationToken cancellationToken)
    {
        var inSession = _inSession ?? throw new InvalidOperationException("ClusterCacheAsync comes first.");
        if (await FastRootAsync(dataBytes, cancellationToken).ConfigureAwait(false) is { } fast)
        {
            var directory = Path.Combine(fast, sessionId + "-" + nodeName);
            if (await TryClaimAsync(directory, cancellationToken).ConfigureAwait(false))
            {
                DeleteQuietly(inSession);
                return directory;
            }
        }

        if (_homeReachable)
        {
            return inSession;
        }

        DeleteQuietly(inSession);
        var shared = Path.Combine(SharedRoot, sessionId + "-" + nodeName);
        if (!await TryClaimAsync(shared, cancellationToken).ConfigureAwait(false))
        {
            throw new RideException("SandboxBootFailed", RideErrorCategory.PermissionDenied,
                $"The server account '{_account.Name}' can reach neither '{inSession}' nor '{shared}'. Set RIDE_HOME to a folder it can read.", shared);
        }

        return shared;
    }

    /// <summary>
    /// A RAM-backed root takes a sandbox when, after it, 1 GiB stays free for everything else, with room for the data
    /// to double while the drill runs (templates restored, tables rewritten).
    /// </summary>
    internal static bool FitsInMemory(long freeBytes, long dataBytes) => freeBytes - 2 * Math.Max(0, dataBytes) >= FastRootMinimumFree;

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

    /// <summary>RIDE_SANDBOX_ROOT when set; else /dev/shm when it is a tmpfs where the data fits; else none.</summary>
    private async Task<string?> FastRootAsync(long dataBytes, CancellationToken cancellationToken)
    {
        string root;
        if (_options.SandboxRoot is { } configured)
        {
            root = configured;
        }
        else
        {
            const string shm = "/dev/shm";
            if (OperatingSystem.IsWindows() || !Directory.Exists(shm) || !IsTmpfs(shm) || !FitsInMemory(new DriveInfo(shm).AvailableFreeSpace, dataBytes))
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
