namespace Ride.Engines;

/// <summary>
/// Use locks on seeded snapshots: a start holds a shared one from finding its snapshot until its own copy (Local) or
/// container (Docker) exists; retiring an older version takes it exclusively, so a seed is never removed under a start
/// that is about to use it. On Unix .NET takes flock(LOCK_SH) for a shared read-only open and flock(LOCK_EX) for
/// FileShare.None, and fails at once on a conflict.
/// </summary>
internal static class SeedUse
{
    /// <summary>A shared use lock, or null while the seed is being retired. A lock file Ride may not open guards nothing.</summary>
    public static IDisposable? TryShare(string lockPath)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (UnauthorizedAccessException)
        {
            return new Unguarded();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The exclusive lock that lets a seed be retired (its file goes when it is released), or null while it is in use.</summary>
    public static IDisposable? TryRetire(string lockPath)
    {
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private sealed class Unguarded : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
