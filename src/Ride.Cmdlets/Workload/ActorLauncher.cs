using System.Globalization;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Text.Json;
using Ride.Common;

namespace Ride.Workload;

/// <summary>Starts and stops the actors process of a session. The process is detached so it outlives the cmdlet and pwsh.</summary>
public static class ActorLauncher
{
    private static readonly TimeSpan PauseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Starts the actors process. Paused, it comes up without connecting until <see cref="Resume"/>.</summary>
    public static async Task<int> StartAsync(ActorConfiguration configuration, bool paused, CancellationToken cancellationToken)
    {
        var directory = configuration.SessionDirectory;
        File.Delete(Path.Combine(directory, ActorFiles.Stop));
        File.Delete(Path.Combine(directory, ActorFiles.IncidentCue));
        File.Delete(Path.Combine(directory, ActorFiles.Paused));
        File.Delete(Path.Combine(directory, ActorFiles.Pause));
        if (paused)
        {
            await RequestPauseAsync(directory, Guid.NewGuid().ToString("N"), cancellationToken).ConfigureAwait(false);
        }

        var configPath = Path.Combine(directory, ActorFiles.Configuration);
        await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(configuration, ActorJson.Default.ActorConfiguration), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(configPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var program = ActorsProgram();
        var output = Path.Combine(directory, ActorFiles.ProcessLog);
        if (OperatingSystem.IsWindows())
        {
            var info = new System.Diagnostics.ProcessStartInfo(program[0]) { UseShellExecute = false, CreateNoWindow = true };
            foreach (var argument in program.Skip(1).Append(configPath))
            {
                info.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(info)!;
            return process.Id;
        }

        // A shell detaches the child into its own session with its output in a file, so no pipe ties it to us.
        const string script = "out=$1; shift; setsid \"$@\" </dev/null >>\"$out\" 2>&1 & echo $!";
        var arguments = new[] { "-c", script, "sh", output }.Concat(program).Append(configPath);
        var result = await ProcessRunner.RunAsync("/bin/sh", arguments, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded || !int.TryParse(result.StandardOutput.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            throw new RideException("ActorsStartFailed", ErrorCategory.OpenError,
                $"The actors process did not start: {result.StandardError.Trim()}", program[0]);
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
        var paused = Path.Combine(sessionDirectory, ActorFiles.Paused);
        File.Delete(paused);
        await RequestPauseAsync(sessionDirectory, token, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Written whole, then moved into place, so the actors never read half a token.</summary>
    private static async Task RequestPauseAsync(string sessionDirectory, string token, CancellationToken cancellationToken)
    {
        var pending = Path.Combine(sessionDirectory, ActorFiles.Pause + ".tmp");
        await File.WriteAllTextAsync(pending, token, cancellationToken).ConfigureAwait(false);
        File.Move(pending, Path.Combine(sessionDirectory, ActorFiles.Pause), overwrite: true);
    }

    /// <summary>Lets paused actors run again: they reopen the application log and connect as at the start.</summary>
    public static void Resume(string sessionDirectory)
    {
        File.Delete(Path.Combine(sessionDirectory, ActorFiles.IncidentCue));
        File.Delete(Path.Combine(sessionDirectory, ActorFiles.Paused));
        File.Delete(Path.Combine(sessionDirectory, ActorFiles.Pause));
    }

    /// <summary>Ends the actors process and waits (bounded) for it to go.</summary>
    public static async Task StopAsync(string sessionDirectory, int? pid, CancellationToken cancellationToken)
    {
        if (Directory.Exists(sessionDirectory))
        {
            await File.WriteAllTextAsync(Path.Combine(sessionDirectory, ActorFiles.Stop), "", cancellationToken).ConfigureAwait(false);
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
            return text.Length == 0 || text.Contains(Path.Combine(sessionDirectory, ActorFiles.Configuration), StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// The command line of the actors program: the native build for this platform when the module has one (it starts
    /// in milliseconds and needs a third of the memory), else Ride.Actors.dll on .NET. RIDE_ACTORS_RUNTIME=dotnet
    /// forces the latter.
    /// </summary>
    internal static string[] ActorsProgram()
    {
        var native = Path.Combine(RidePaths.ModuleDirectory, "native", RuntimeInformation.RuntimeIdentifier,
            OperatingSystem.IsWindows() ? "Ride.Actors.exe" : "Ride.Actors");
        var forceDotnet = string.Equals(Environment.GetEnvironmentVariable("RIDE_ACTORS_RUNTIME"), "dotnet", StringComparison.OrdinalIgnoreCase);
        if (!forceDotnet && IsRunnable(native))
        {
            return new[] { native };
        }

        var entry = Path.Combine(RidePaths.ModuleDirectory, "Ride.Actors.dll");
        if (!File.Exists(entry))
        {
            throw new RideException("ActorsHostNotFound", ErrorCategory.NotInstalled,
                $"The actors program '{entry}' is missing from the module folder. Rebuild the module (build.ps1 -Task Build).", entry);
        }

        return new[] { DotnetHost(), entry };
    }

    /// <summary>A package install does not keep the execute bit; it is put back when the file is ours to change.</summary>
    private static bool IsRunnable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        var mode = File.GetUnixFileMode(path);
        if (mode.HasFlag(UnixFileMode.UserExecute))
        {
            return true;
        }

        try
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
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
