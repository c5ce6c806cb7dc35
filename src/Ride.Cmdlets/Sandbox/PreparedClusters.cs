using System.Globalization;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text;
using Ride.Common;

namespace Ride.Sandbox;

/// <summary>A prepared data directory: shut down cleanly, its superuser password kept beside it.</summary>
internal sealed record PreparedCluster(string DataDirectory, string SuperPassword);

/// <summary>
/// initdb and the cluster preparation cost more than a second each; they are done once per PostgreSQL
/// installation and kept under &lt;root&gt;/clusters, and every sandbox starts from a copy.
/// </summary>
internal static class PreparedClusters
{
    /// <summary>Bumped whenever the way a prepared cluster is made changes, so older copies are not reused.</summary>
    private const int Layout = 1;
    private const string SecretFile = "superuser.secret";

    public static async Task<PreparedCluster> EnsureAsync(string cacheRoot, string bin, string? osUser, NodeRequest request,
        IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        var entry = Path.Combine(cacheRoot, KeyFor(bin, request));
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
            await BuildAsync(building, bin, osUser, request, cancellationToken).ConfigureAwait(false);
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
            if (Directory.Exists(building))
            {
                Directory.Delete(building, recursive: true);
            }
        }

        return TryOpen(entry) ?? throw new RideException("SandboxBootFailed", ErrorCategory.OpenError,
            $"The prepared cluster at '{entry}' could not be made.", entry);
    }

    /// <summary>Copies the prepared data directory; ownership and modes come along (the server insists on 0700).</summary>
    public static async Task CopyAsync(PreparedCluster prepared, string target, CancellationToken cancellationToken)
    {
        var copy = await ProcessRunner.RunAsync("cp", new[] { "-a", prepared.DataDirectory, target }, cancellationToken).ConfigureAwait(false);
        if (!copy.Succeeded)
        {
            throw new RideException("SandboxBootFailed", ErrorCategory.WriteError,
                $"Copying the prepared cluster to '{target}' failed: {copy.StandardError.Trim()}", target);
        }
    }

    /// <summary>A build whose process was killed leaves its folder; anything an hour old is no longer being built.</summary>
    private static void RemoveAbandonedBuilds(string cacheRoot)
    {
        foreach (var folder in Directory.EnumerateDirectories(cacheRoot, "building-*"))
        {
            try
            {
                if (Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
            }
        }
    }

    private static PreparedCluster? TryOpen(string entry)
    {
        var data = Path.Combine(entry, "data");
        var secret = Path.Combine(entry, SecretFile);
        if (!File.Exists(Path.Combine(data, "PG_VERSION")) || !File.Exists(secret) || File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            return null;
        }

        var password = File.ReadAllText(secret).Trim();
        return password.Length == 0 ? null : new PreparedCluster(data, password);
    }

    private static async Task BuildAsync(string directory, string bin, string? osUser, NodeRequest request, CancellationToken cancellationToken)
    {
        var data = Path.Combine(directory, "data");
        var password = Secrets.NewPassword();
        var secret = Path.Combine(directory, SecretFile);
        await File.WriteAllTextAsync(secret, password + "\n", cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await LocalEngine.GiveToAsync(osUser, directory, cancellationToken).ConfigureAwait(false);
        var passwordFile = Path.Combine(directory, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password + "\n", cancellationToken).ConfigureAwait(false);
        await LocalEngine.GiveToAsync(osUser, passwordFile, cancellationToken).ConfigureAwait(false);
        ProcessResult initdb;
        try
        {
            initdb = await LocalEngine.RunAsAsync(osUser, Path.Combine(bin, PostgresBinaries.Executable("initdb")), new[]
            {
                "-D", data, "-U", request.SuperUser, "--pwfile", passwordFile,
                "--auth", "scram-sha-256", "-E", "UTF8", "--locale", "C", "--no-sync", "--no-instructions",
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(passwordFile);
        }

        if (!initdb.Succeeded)
        {
            throw new RideException("SandboxBootFailed", ErrorCategory.OpenError,
                $"initdb failed (exit code {initdb.ExitCode}): {LocalEngine.Tail(initdb.StandardError + initdb.StandardOutput)}", data);
        }

        await File.WriteAllTextAsync(Path.Combine(data, "pg_hba.conf"), LocalEngine.HostBasedAuthentication, cancellationToken).ConfigureAwait(false);
        if (request.Preparation.Steps.Count == 0)
        {
            return;
        }

        // Up just long enough to apply the preparation, on a loopback port, then shut down cleanly so copies need no recovery.
        var log = Path.Combine(directory, "prepare.log");
        var port = LocalEngine.FreePort();
        var options = $"-p {port.ToString(CultureInfo.InvariantCulture)} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off -c wal_init_zero=off";
        var pgCtl = Path.Combine(bin, PostgresBinaries.Executable("pg_ctl"));
        var start = await LocalEngine.RunAsAsync(osUser, pgCtl, new[] { "start", "-D", data, "-l", log, "-w", "-t", "60", "-s", "-o", options }, cancellationToken)
            .ConfigureAwait(false);
        if (!start.Succeeded)
        {
            var text = File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken).ConfigureAwait(false) : start.StandardError;
            throw new RideException("SandboxBootFailed", ErrorCategory.OpenError,
                $"The PostgreSQL server did not start while preparing the cluster (pg_ctl exit code {start.ExitCode}): {LocalEngine.Tail(text)}", data);
        }

        try
        {
            await request.Preparation.ApplyAsync("127.0.0.1", port, request.SuperUser, password, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await LocalEngine.RunAsAsync(osUser, pgCtl, new[] { "stop", "-D", data, "-m", "fast", "-w", "-t", "60", "-s" }, CancellationToken.None)
                .ConfigureAwait(false);
        }
    }

    /// <summary>One entry per installation (binaries by path, size and date), superuser name, preparation and layout.</summary>
    private static string KeyFor(string bin, NodeRequest request)
    {
        var postgres = new FileInfo(Path.Combine(bin, PostgresBinaries.Executable("postgres")));
        var identity = string.Join("|", bin, postgres.Exists ? postgres.Length : 0, postgres.Exists ? postgres.LastWriteTimeUtc.Ticks : 0,
            request.SuperUser, request.Preparation.Key, Layout);
        return "pg-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16].ToLowerInvariant();
    }
}
