using System.Globalization;
using System.Management.Automation;
using System.Text.Json;
using Ride.Common;

namespace Ride.Workload;

/// <summary>Starts and stops the actors process of a session. The process is detached so it outlives the cmdlet and pwsh.</summary>
public static class ActorLauncher
{
    public const string ConfigurationFile = "actors.json";
    public const string AppLogFile = "app.log";
    public const string ProcessLogFile = "actors.out";
    public const string IncidentCueFile = "incident.applied";
    public const string PauseFile = "actors.pause";
    public const string PausedFile = "actors.paused";
    private static readonly TimeSpan PauseTimeout = TimeSpan.FromSeconds(5);

    public static async Task<int> StartAsync(ActorConfiguration configuration, CancellationToken cancellationToken)
    {
        var directory = configuration.SessionDirectory;
        File.Delete(Path.Combine(directory, "actors.stop"));
        File.Delete(Path.Combine(directory, IncidentCueFile));
        File.Delete(Path.Combine(directory, PauseFile));
        File.Delete(Path.Combine(directory, PausedFile));
        var configPath = Path.Combine(directory, ConfigurationFile);
        await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(configuration), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(configPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var entry = Path.Combine(RidePaths.ModuleDirectory, "Ride.Actors.dll");
        if (!File.Exists(entry))
        {
            throw new RideException("ActorsHostNotFound", ErrorCategory.NotInstalled,
                $"The actors program '{entry}' is missing from the module folder. Rebuild the module (build.ps1 -Task Build).", entry);
        }

        var dotnet = DotnetHost();
        var output = Path.Combine(directory, ProcessLogFile);
        if (OperatingSystem.IsWindows())
        {
            var info = new System.Diagnostics.ProcessStartInfo(dotnet) { UseShellExecute = false, CreateNoWindow = true };
            info.ArgumentList.Add(entry);
            info.ArgumentList.Add(configPath);
            using var process = System.Diagnostics.Process.Start(info)!;
            return process.Id;
        }

        // A shell detaches the child into its own session with its output in a file, so no pipe ties it to us.
        var script = "setsid \"$0\" \"$1\" \"$2\" </dev/null >>\"$3\" 2>&1 & echo $!";
        var result = await ProcessRunner.RunAsync("/bin/sh", new[] { "-c", script, dotnet, entry, configPath, output }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded || !int.TryParse(result.StandardOutput.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            throw new RideException("ActorsStartFailed", ErrorCategory.OpenError,
                $"The actors process did not start: {result.StandardError.Trim()}", entry);
        }

        return pid;
    }

    /// <summary>
    /// Asks the running actors process to close every connection and wait. True once it has; false when there is no
    /// such process or it did not answer in time (it is then stopped, and the caller starts a new one).
    /// </summary>
    public static async Task<bool> PauseAsync(string sessionDirectory, int? pid, CancellationToken cancellationToken)
    {
        if (!IsRunning(pid, sessionDirectory))
        {
            return false;
        }

        var token = Guid.NewGuid().ToString("N");
        var paused = Path.Combine(sessionDirectory, PausedFile);
        File.Delete(paused);
        var pending = Path.Combine(sessionDirectory, PauseFile + ".tmp");
        await File.WriteAllTextAsync(pending, token, cancellationToken).ConfigureAwait(false);
        File.Move(pending, Path.Combine(sessionDirectory, PauseFile), overwrite: true);
        var deadline = DateTime.UtcNow + PauseTimeout;
        while (DateTime.UtcNow < deadline && IsRunning(pid, sessionDirectory))
        {
            if (File.Exists(paused) && (await File.ReadAllTextAsync(paused, cancellationToken).ConfigureAwait(false)).Trim() == token)
            {
                return true;
            }

            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }

        await StopAsync(sessionDirectory, pid, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>Lets paused actors run again: they reopen the application log and connect as at the start.</summary>
    public static void Resume(string sessionDirectory)
    {
        File.Delete(Path.Combine(sessionDirectory, IncidentCueFile));
        File.Delete(Path.Combine(sessionDirectory, PausedFile));
        File.Delete(Path.Combine(sessionDirectory, PauseFile));
    }

    /// <summary>Ends the actors process and waits (bounded) for it to go.</summary>
    public static async Task StopAsync(string sessionDirectory, int? pid, CancellationToken cancellationToken)
    {
        if (Directory.Exists(sessionDirectory))
        {
            await File.WriteAllTextAsync(Path.Combine(sessionDirectory, "actors.stop"), "", cancellationToken).ConfigureAwait(false);
        }

        if (pid is not { } p || !NativeMethods.ProcessExists(p) || !IsActorsProcess(p, sessionDirectory))
        {
            return;
        }

        NativeMethods.Terminate(p);
        for (var i = 0; i < 100 && NativeMethods.ProcessExists(p); i++)
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        if (NativeMethods.ProcessExists(p))
        {
            NativeMethods.Kill(p);
        }
    }

    public static bool IsRunning(int? pid, string sessionDirectory) =>
        pid is { } p && NativeMethods.ProcessExists(p) && IsActorsProcess(p, sessionDirectory);

    /// <summary>Pids get reused: only signal a process whose command line is this session's actors program.</summary>
    private static bool IsActorsProcess(int pid, string sessionDirectory)
    {
        var cmdline = $"/proc/{pid}/cmdline";
        if (!File.Exists(cmdline))
        {
            return true;
        }

        try
        {
            // While the launcher shell execs into the program the command line can read empty for a moment: that is still ours.
            var text = File.ReadAllText(cmdline);
            return text.Length == 0 || text.Contains(Path.Combine(sessionDirectory, ConfigurationFile), StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The dotnet muxer that runs this very runtime, else the one on PATH or in DOTNET_ROOT.</summary>
    private static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileName(current).Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        var runtimeDirectory = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        var candidates = new List<string>
        {
            Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", name)),
        };
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root))
        {
            candidates.Add(Path.Combine(root, name));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, name)));
        candidates.AddRange(new[] { "/usr/share/dotnet/dotnet", "/usr/lib/dotnet/dotnet", "/usr/local/share/dotnet/dotnet", @"C:\Program Files\dotnet\dotnet.exe" });
        return candidates.FirstOrDefault(File.Exists)
               ?? throw new RideException("DotnetHostNotFound", ErrorCategory.NotInstalled,
                   "The application actors run on .NET, but no 'dotnet' host was found (searched next to this runtime, DOTNET_ROOT and PATH). "
                   + "Install the .NET runtime 8 or later, or set DOTNET_ROOT.", name);
    }
}
