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

    public async Task<PreparedCluster> EnsureAsync(string cacheRoot, NodeRequest request, PreparedCluster prepared, IProgress<SandboxProgress> progress,
        CancellationToken cancellationToken)
    {
        var seed = request.Seed ?? throw new ArgumentException("The request names no seed.", nameof(request));
        var prefix = "seed-" + seed.Slug + "-" + prepared.Entry + "-";
        var entry = Path.Combine(cacheRoot, prefix + seed.KeyOn(prepared.Entry));
        if (PreparedClusters.TryOpen(entry) is { } ready)
        {
            return ready;
        }

        using var exclusive = await SeedLock.AcquireAsync(cacheRoot, Path.GetFileName(entry), cancellationToken).ConfigureAwait(false);
        if (PreparedClusters.TryOpen(entry) is { } seededMeanwhile)
        {
            return seededMeanwhile;
        }

        SandboxFolders.DeleteQuietly(entry);
        progress.Report(new SandboxProgress($"Seeding {seed.Label} once for this version (later starts copy the result)", 12));
        PreparedClusters.RemoveAbandonedBuilds(cacheRoot);
        var building = Path.Combine(cacheRoot, "building-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(building);
        try
        {
            await BuildAsync(building, request, prepared, progress, cancellationToken).ConfigureAwait(false);
            try
            {
                Directory.Move(building, entry);
            }
            catch (IOException) when (PreparedClusters.TryOpen(entry) is not null)
            {
                // Another Start seeded the same version at the same time; theirs is as good as ours.
            }
        }
        finally
        {
            SandboxFolders.DeleteQuietly(building);
        }

        foreach (var older in Directory.EnumerateDirectories(cacheRoot, prefix + "*").Where(d => d != entry).ToList())
        {
            // Renamed first, so two starts that both retire it never delete the same tree at once; what a killed
            // process leaves is an abandoned build, cleaned like one.
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

        return PreparedClusters.TryOpen(entry) ?? throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
            $"The seeded snapshot at '{entry}' could not be made.", entry);
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
