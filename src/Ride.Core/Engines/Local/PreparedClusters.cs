using System.Security.Cryptography;
using System.Text;
using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>
/// A prepared data directory (a bare cluster, or a scenario's seeded snapshot): shut down cleanly, its superuser password
/// kept beside it, with its size on disk when it was measured and the name of its cache entry.
/// </summary>
internal sealed record PreparedCluster(string DataDirectory, string SuperPassword, long Bytes, string Entry);

/// <summary>
/// initdb and the cluster preparation cost more than a second each; they are done once per PostgreSQL
/// installation and kept under &lt;root&gt;/clusters, and every sandbox starts from a copy. Both run in the jail,
/// as the server account.
/// </summary>
internal sealed class PreparedClusters
{
    /// <summary>Bumped whenever the way a prepared cluster is made changes, so older copies are not reused.</summary>
    private const int Layout = 2;
    internal const string SecretFile = "superuser.secret";
    internal const string SizeFile = "data.bytes";

    private readonly LocalEnvironment _local;

    public PreparedClusters(LocalEnvironment local) => _local = local;

    public async Task<PreparedCluster> EnsureAsync(string cacheRoot, NodeRequest request, IProgress<SandboxProgress> progress,
        CancellationToken cancellationToken)
    {
        var entry = Path.Combine(cacheRoot, KeyFor(request));
        if (TryOpen(entry) is { } ready)
        {
            return ready;
        }

        if (Directory.Exists(entry))
        {
            // Half there (a copy interrupted by hand, a disk that filled): make it again.
            Directory.Delete(entry, recursive: true);
        }

        progress.Report(new SandboxProgress("Preparing a cluster for this PostgreSQL installation (first start only)", 10));
        Directory.CreateDirectory(cacheRoot);
        RemoveAbandonedBuilds(cacheRoot);
        var building = Path.Combine(cacheRoot, "building-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(building);
        try
        {
            await BuildAsync(building, request, cancellationToken).ConfigureAwait(false);
            try
            {
                Directory.Move(building, entry);
            }
            catch (IOException) when (TryOpen(entry) is not null)
            {
                // Another Start prepared the same cluster at the same time; theirs is as good as ours.
            }
        }
        finally
        {
            SandboxFolders.DeleteQuietly(building);
        }

        return TryOpen(entry) ?? throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
            $"The prepared cluster at '{entry}' could not be made.", entry);
    }

    /// <summary>
    /// Copies the prepared data directory; ownership and modes come along (the server insists on 0700). Where the file
    /// system can share blocks (btrfs, XFS) the copy is a reflink, copy-on-write and near instant whatever the size.
    /// </summary>
    public static async Task CopyAsync(PreparedCluster prepared, string target, CancellationToken cancellationToken)
    {
        var copy = await ProcessRunner.RunAsync("cp", new[] { "-a", "--reflink=auto", prepared.DataDirectory, target }, cancellationToken).ConfigureAwait(false);
        if (!copy.Succeeded)
        {
            throw new RideException("SandboxBootFailed", RideErrorCategory.WriteError,
                $"Copying the prepared cluster to '{target}' failed: {copy.StandardError.Trim()}", target);
        }
    }

    /// <summary>A build whose process was killed leaves its folder; anything an hour old is no longer being built.</summary>
    internal static void RemoveAbandonedBuilds(string cacheRoot)
    {
        foreach (var folder in Directory.EnumerateDirectories(cacheRoot, "building-*"))
        {
            if (Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1))
            {
                SandboxFolders.DeleteQuietly(folder);
            }
        }
    }

    internal static PreparedCluster? TryOpen(string entry)
    {
        var data = Path.Combine(entry, "data");
        var secret = Path.Combine(entry, SecretFile);
        if (!File.Exists(Path.Combine(data, "PG_VERSION")) || !File.Exists(secret) || File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            return null;
        }

        var password = File.ReadAllText(secret).Trim();
        var sizeFile = Path.Combine(entry, SizeFile);
        var bytes = File.Exists(sizeFile) && long.TryParse(File.ReadAllText(sizeFile).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var measured)
            ? measured
            : 0;
        return password.Length == 0 ? null : new PreparedCluster(data, password, bytes, Path.GetFileName(entry));
    }

    private async Task BuildAsync(string directory, NodeRequest request, CancellationToken cancellationToken)
    {
        var data = Path.Combine(directory, "data");
        var password = Secrets.NewPassword();
        var jail = _local.JailFor(directory);
        await jail.WriteEtcAsync(cancellationToken).ConfigureAwait(false);
        var passwordFile = Path.Combine(directory, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password + "\n", cancellationToken).ConfigureAwait(false);
        await _local.Account.GiveAsync(directory, cancellationToken).ConfigureAwait(false);

        // Ride's copy of the password stays Ride's: written after the folder went to the server account.
        var secret = Path.Combine(directory, SecretFile);
        await File.WriteAllTextAsync(secret, password + "\n", cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        ProcessResult initdb;
        try
        {
            initdb = await jail.RunAsync(_local.Program("initdb"), new[]
            {
                "-D", data, "-U", request.SuperUser, "--pwfile", passwordFile,
                "--auth", "scram-sha-256", "-E", "UTF8", "--locale", "C", "--no-sync", "--no-instructions",
            }, new Dictionary<string, string?>(), null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(passwordFile);
        }

        if (!initdb.Succeeded)
        {
            throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
                $"initdb failed (exit code {initdb.ExitCode}): {Text.Tail(initdb.StandardError + initdb.StandardOutput)}", data);
        }

        // The preparation runs in single-user mode: no server to start and stop, no port, no login.
        foreach (var (database, statements) in request.Preparation.Runs())
        {
            var script = string.Concat(statements.Select(s => s.TrimEnd().TrimEnd(';') + ";\n\n"));
            var single = await jail.RunAsync(_local.Program("postgres"),
                new[] { "--single", "-j", "-D", data, "-c", "fsync=off", "-c", "wal_init_zero=off", database },
                new Dictionary<string, string?>(), script, cancellationToken).ConfigureAwait(false);
            var output = single.StandardError + single.StandardOutput;
            if (!single.Succeeded || output.Contains("ERROR:", StringComparison.Ordinal) || output.Contains("FATAL:", StringComparison.Ordinal))
            {
                throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
                    $"Preparing the cluster failed in database {database}: {Text.Tail(output)}", data);
            }
        }
    }

    /// <summary>One entry per installation (binaries by path, size and date), superuser name, preparation and layout.</summary>
    private string KeyFor(NodeRequest request)
    {
        var postgres = new FileInfo(_local.Program("postgres"));
        var identity = string.Join("|", _local.BinDirectory, postgres.Exists ? postgres.Length : 0, postgres.Exists ? postgres.LastWriteTimeUtc.Ticks : 0,
            request.SuperUser, request.Preparation.Key, _local.Account.Name, Layout);
        return "pg-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16].ToLowerInvariant();
    }
}
