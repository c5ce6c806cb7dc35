namespace Ride.Engines;

/// <summary>
/// One seeding at a time per seed on this machine: a start that finds another one seeding the same version waits for
/// it and uses its result, instead of doing the same work beside it (for a big scenario, a minute or more).
/// </summary>
internal static class SeedLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Holds &lt;folder&gt;/&lt;name&gt;.lock until disposed. A lock file Ride cannot open (another user's) is no lock: the
    /// seeding then goes ahead, which is safe, only slower.
    /// </summary>
    public static async Task<IDisposable?> AcquireAsync(string folder, string name, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
            catch (IOException)
            {
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
