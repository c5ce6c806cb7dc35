using System.Globalization;
using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>
/// Scenarios' seeded snapshots on Local: a copy of the prepared cluster, started in a jail, seeded, shut down cleanly
/// and kept beside the prepared clusters as seed-&lt;scenario&gt;-&lt;prepared cluster&gt;-&lt;key&gt;. Every start copies
/// it. A newer version of the same scenario on the same installation replaces the older ones.
/// </summary>
internal sealed class SeededClusters
{
    private readonly LocalEnvironment _local;

    public SeededClusters(LocalEnvironment local) => _local = local;

    /// <summary>
    /// The scenario's seeded snapshot, built first when this version has none, with a use lease on it: hold the lease
    /// until the copy is made, so a start seeding another version of the same scenario does not retire it meanwhile.
    /// </summary>
    public async Task<SeedLease> EnsureAsync(string cacheRoot, NodeRequest request, PreparedCluster prepared, IProgress<SandboxProgress> progress,
        CancellationToken cancellationToken)
    {
        var seed = request.Seed ?? throw new ArgumentException("The request names no seed.", nameof(request));
        var prefix = "seed-" + seed.Slug + "-" + prepared.Entry + "-";
        var entry = Path.Combine(cacheRoot, prefix + seed.KeyOn(prepared.Entry));

        // Two starts of two versions of one scenario each retire the other's snapshot when it is not in use; a start
        // whose fresh snapshot went that way before it could take its lease builds it again.
        for (var attempt = 1; ; attempt++)
        {
            if (SeedLease.TryTake(entry) is { } ready)
            {
                return ready;
            }

            using (await SeedLock.AcquireAsync(cacheRoot, Path.GetFileName(entry), cancellationToken).ConfigureAwait(false))
            {
                if (SeedLease.TryTake(entry) is { } seededMeanwhile)
                {
                    return seededMeanwhile;
                }

                await BuildEntryAsync(cacheRoot, entry, request, prepared, progress, cancellationToken).ConfigureAwait(false);
                if (SeedLease.TryTake(entry) is { } built)
                {
                    RetireOlderVersions(cacheRoot, prefix, entry);
                    return built;
                }
            }

            if (attempt == 3)
            {
                throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
                    $"The seeded snapshot at '{entry}' could not be made: it was removed each time it was built.", entry);
            }
        }
    }

    private async Task BuildEntryAsync(string cacheRoot, string entry, NodeRequest request, PreparedCluster prepared, IProgress<SandboxProgress> progress,
        CancellationToken cancellationToken)
    {
        SandboxFolders.DeleteQuietly(entry);
        progress.Report(new SandboxProgress($"Seeding {request.Seed!.Label} once for this version (later starts copy the result)", 12));
        PreparedClusters.RemoveAbandonedBuilds(cacheRoot);
        var building = Path.Combine(cacheRoot, "building-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(building);
        try
        {
            await BuildAsync(building, request, prepared, progress, cancellationToken).ConfigureAwait(false);
            Directory.Move(building, entry);
        }
        finally
        {
            SandboxFolders.DeleteQuietly(building);
        }
    }

    /// <summary>
    /// Older versions of the scenario go, each renamed first under its exclusive use lock, so that neither a start
    /// copying it nor a second retirer meets a half-deleted tree; a killed process leaves an abandoned build, cleaned
    /// like one. A version in use stays until the next seeding.
    /// </summary>
    private static void RetireOlderVersions(string cacheRoot, string prefix, string current)
    {
        foreach (var older in Directory.EnumerateDirectories(cacheRoot, prefix + "*").Where(d => Path.GetFileName(d) != Path.GetFileName(current)).ToList())
        {
            using var exclusive = SeedLease.TryRetire(older);
            if (exclusive is null)
            {
                continue;
            }

            var retired = Path.Combine(cacheRoot, "building-retired-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                Directory.Move(older, retired);
            }
            catch (IOException)
            {
                continue;
            }

            SandboxFolders.DeleteQuietly(retired);
        }
    }

    private async Task BuildAsync(string building, NodeRequest request, PreparedCluster prepared, IProgress<SandboxProgress> progress,
        CancellationToken cancellationToken)
    {
        var record = new NodeRecord
        {
            Name = request.NodeName,
            Engine = EngineKind.Local,
            BinDirectory = _local.BinDirectory,
            OsUser = _local.Account.Name,
            SandboxDirectory = building,
            DataDirectory = Path.Combine(building, "data"),
            SocketDirectory = Path.Combine(building, "run"),
            ServerLogPath = Path.Combine(building, "server.log"),
            DurableData = true,
        };
        await PreparedClusters.CopyAsync(prepared, record.DataDirectory, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(record.SocketDirectory);
        await _local.JailFor(building).WriteEtcAsync(cancellationToken).ConfigureAwait(false);

        // Every start writes its own settings into these two files: the snapshot keeps them as initdb left them.
        var configuration = await ConfigurationFiles.ReadAsync(record.DataDirectory, cancellationToken).ConfigureAwait(false);
        await LocalEngine.WriteConfigurationAsync(record, ServerSettings.ForSeeding(request.Settings), cancellationToken).ConfigureAwait(false);
        await _local.Account.GiveAsync(building, cancellationToken).ConfigureAwait(false);

        var node = new LocalNode(_local, record);
        try
        {
            await node.StartAsync(cancellationToken).ConfigureAwait(false);
            await request.Seed!.SeedAsync(node, prepared.SuperPassword, progress, cancellationToken).ConfigureAwait(false);
            await node.StopAsync(NodeStopMode.Fast, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await node.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await configuration.WriteBackAsync(record.DataDirectory, cancellationToken).ConfigureAwait(false);
        var secret = Path.Combine(building, PreparedClusters.SecretFile);
        await File.WriteAllTextAsync(secret, prepared.SuperPassword + "\n", cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var bytes = new DirectoryInfo(record.DataDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        await File.WriteAllTextAsync(Path.Combine(building, PreparedClusters.SizeFile), bytes.ToString(CultureInfo.InvariantCulture), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>postgresql.conf and pg_hba.conf as they were before the seeding server's own settings went in.</summary>
    private sealed record ConfigurationFiles(string Settings, string HostBasedAuthentication)
    {
        public static async Task<ConfigurationFiles> ReadAsync(string data, CancellationToken cancellationToken) =>
            new(await File.ReadAllTextAsync(Path.Combine(data, "postgresql.conf"), cancellationToken).ConfigureAwait(false),
                await File.ReadAllTextAsync(Path.Combine(data, "pg_hba.conf"), cancellationToken).ConfigureAwait(false));

        public async Task WriteBackAsync(string data, CancellationToken cancellationToken)
        {
            await File.WriteAllTextAsync(Path.Combine(data, "postgresql.conf"), Settings, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(data, "pg_hba.conf"), HostBasedAuthentication, cancellationToken).ConfigureAwait(false);
        }
    }
}
