namespace Ride.Common;

/// <summary>An exclusive lock held as an open file (deleted on close), so several pwsh processes can take turns.</summary>
public static class FileLock
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>Takes the lock, waiting up to five seconds. A missing folder is the caller's to report (DirectoryNotFoundException).</summary>
    public static async Task<IDisposable> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException ex) when (ex is not DirectoryNotFoundException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
