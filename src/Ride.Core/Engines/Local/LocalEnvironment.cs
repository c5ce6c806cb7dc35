using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>What the Local engine needs from this machine: the PostgreSQL programs, bubblewrap and the server account.</summary>
internal sealed class LocalEnvironment
{
    private LocalEnvironment(RideOptions options, string binDirectory, string bubblewrap, ServerAccount account)
    {
        Options = options;
        BinDirectory = binDirectory;
        Bubblewrap = bubblewrap;
        Account = account;
    }

    public RideOptions Options { get; }

    public string BinDirectory { get; }

    public string Bubblewrap { get; }

    public ServerAccount Account { get; }

    public static async Task<LocalEnvironment> CreateAsync(RideOptions options, string? binDirectory, CancellationToken cancellationToken)
    {
        var bin = binDirectory ?? PostgresBinaries.Find(options);
        var bubblewrap = FindBubblewrap(options);
        var account = await ServerAccount.ResolveAsync(cancellationToken).ConfigureAwait(false);
        return new LocalEnvironment(options, bin, bubblewrap, account);
    }

    /// <summary>The Local engine runs nothing outside a jail; without bubblewrap it does not run at all.</summary>
    public static string FindBubblewrap(RideOptions options)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new RideException("ContainmentUnavailable", RideErrorCategory.NotInstalled,
                "The Local engine runs each sandbox inside a bubblewrap jail, which needs Linux. Use the Docker engine (-Engine Docker) on this system.",
                "bwrap");
        }

        return PostgresBinaries.OnPath(options, "bwrap") ?? (File.Exists("/usr/bin/bwrap") ? "/usr/bin/bwrap" : null)
               ?? throw new RideException("ContainmentUnavailable", RideErrorCategory.NotInstalled,
                   "The Local engine runs each sandbox inside a bubblewrap jail (so a fix can never touch this machine), but bwrap was not found on PATH. "
                   + "Install it (Debian/Ubuntu: 'sudo apt-get install bubblewrap'; Fedora: 'sudo dnf install bubblewrap'), or use the Docker engine (-Engine Docker).",
                   "bwrap");
    }

    public Jail JailFor(string sandboxDirectory, string? sharedSocketDirectory = null, long archiveBytes = 0) =>
        new(Bubblewrap, Account, sandboxDirectory, BinDirectory, sharedSocketDirectory is null ? null : new[] { sharedSocketDirectory }, archiveBytes);

    /// <summary>A pooler's jail: PgBouncer's own folder instead of PostgreSQL's, and the sockets of the servers it may front.</summary>
    public Jail PoolerJailFor(string sandboxDirectory, string pgBouncer, IReadOnlyList<string> sharedSocketDirectories) =>
        new(Bubblewrap, Account, sandboxDirectory, Path.GetDirectoryName(pgBouncer)!, sharedSocketDirectories);

    /// <summary>PgBouncer's program: RIDE_PGBOUNCER, else on PATH or where Debian installs it; PgBouncerNotFound otherwise.</summary>
    public string PgBouncer() => PgBouncerProgram.Find(Options);

    /// <summary>
    /// A size-capped tmpfs in the jail (bubblewrap's --size, from 0.8) or a clear refusal: an archive directory without
    /// its cap could fill this machine's memory.
    /// </summary>
    public async Task RequireSizedTmpfsAsync(CancellationToken cancellationToken)
    {
        var help = await ProcessRunner.RunAsync(Bubblewrap, new[] { "--help" }, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!(help.StandardOutput + help.StandardError).Contains("--size", StringComparison.Ordinal))
        {
            throw new RideException("ArchiveDirectoryUnsupported", RideErrorCategory.NotInstalled,
                $"This drill archives WAL into a size-capped directory, which the Local engine makes with bubblewrap's --size option (bubblewrap 0.8 or later); {Bubblewrap} has no such option. "
                + "Upgrade bubblewrap, or use the Docker engine (-Engine Docker).", Bubblewrap);
        }
    }

    public string Program(string name) => Path.Combine(BinDirectory, PostgresBinaries.Executable(name));
}
