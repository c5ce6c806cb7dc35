namespace Ride.Engines.Local;

/// <summary>A seeded snapshot on Local with a start's shared use lock on it (&lt;entry&gt;.use, beside it), held until the copy is made.</summary>
internal sealed class SeedLease : IDisposable
{
    private readonly IDisposable _use;

    private SeedLease(PreparedCluster cluster, IDisposable use)
    {
        Cluster = cluster;
        _use = use;
    }

    public PreparedCluster Cluster { get; }

    /// <summary>The snapshot with a shared lease, or null when it is not there (or is being retired right now).</summary>
    public static SeedLease? TryTake(string entry)
    {
        if (!Directory.Exists(entry) || SeedUse.TryShare(UseFile(entry)) is not { } use)
        {
            return null;
        }

        // Opened once the lock is held: a snapshot retired before that is already renamed away.
        if (PreparedClusters.TryOpen(entry) is { } cluster)
        {
            return new SeedLease(cluster, use);
        }

        use.Dispose();
        return null;
    }

    /// <summary>The exclusive lock that lets a snapshot be retired, or null while any start holds a lease on it.</summary>
    public static IDisposable? TryRetire(string entry) => SeedUse.TryRetire(UseFile(entry));

    public void Dispose() => _use.Dispose();

    private static string UseFile(string entry) => entry.TrimEnd(Path.DirectorySeparatorChar) + ".use";
}
