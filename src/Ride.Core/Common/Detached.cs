using System.Globalization;

namespace Ride.Common;

/// <summary>Starts a long-lived child that outlives Ride: its own session, no pipes back to us, its output in a file.</summary>
public static class Detached
{
    private const string Script = "out=$1; shift; setsid \"$@\" </dev/null >>\"$out\" 2>&1 & echo $!";

    /// <summary>Returns the pid of the started program.</summary>
    public static async Task<int> StartAsync(IReadOnlyList<string> command, string logFile, CancellationToken cancellationToken)
    {
        var arguments = new[] { "-c", Script, "sh", logFile }.Concat(command);
        var result = await ProcessRunner.RunAsync("/bin/sh", arguments, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded || !int.TryParse(result.StandardOutput.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            throw new RideException("ProcessStartFailed", RideErrorCategory.ResourceUnavailable,
                $"'{command[0]}' did not start: {result.StandardError.Trim()}", command[0]);
        }

        return pid;
    }
}
