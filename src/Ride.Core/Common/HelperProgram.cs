using System.Runtime.InteropServices;

namespace Ride.Common;

/// <summary>
/// Ride's helper program (Ride.Actors): it runs a session's application actors, and relays a Local node's port to
/// its socket. The native build for this platform is used when the module has one (it starts in milliseconds and
/// needs a third of the memory), else Ride.Actors.dll on .NET; RIDE_ACTORS_RUNTIME=dotnet forces the latter.
/// </summary>
public static class HelperProgram
{
    public static IReadOnlyList<string> CommandLine(RideOptions options)
    {
        var native = Path.Combine(RidePaths.ModuleDirectory, "native", RuntimeInformation.RuntimeIdentifier,
            OperatingSystem.IsWindows() ? "Ride.Actors.exe" : "Ride.Actors");
        if (!options.ForceDotnetActors && IsRunnable(native))
        {
            return new[] { native };
        }

        var entry = Path.Combine(RidePaths.ModuleDirectory, "Ride.Actors.dll");
        if (!File.Exists(entry))
        {
            throw new RideException("ActorsHostNotFound", RideErrorCategory.NotInstalled,
                $"The actors program '{entry}' is missing from the module folder. Rebuild the module (build.ps1 -Task Build).", entry);
        }

        return new[] { DotnetHost(options), entry };
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

    /// <summary>The dotnet muxer that runs this very runtime, else the one in DOTNET_ROOT or on PATH.</summary>
    private static string DotnetHost(RideOptions options)
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileName(current).Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var candidates = new List<string> { Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", name)) };
        if (options.DotnetRoot is { } root)
        {
            candidates.Add(Path.Combine(root, name));
        }

        candidates.AddRange(options.SearchPath.Select(d => Path.Combine(d, name)));
        candidates.AddRange(new[] { "/usr/share/dotnet/dotnet", "/usr/lib/dotnet/dotnet", "/usr/local/share/dotnet/dotnet", @"C:\Program Files\dotnet\dotnet.exe" });
        return candidates.FirstOrDefault(File.Exists)
               ?? throw new RideException("DotnetHostNotFound", RideErrorCategory.NotInstalled,
                   "The application actors run on .NET, but no 'dotnet' host was found (searched next to this runtime, DOTNET_ROOT and PATH). "
                   + "Install the .NET runtime 8 or later, or set DOTNET_ROOT.", name);
    }
}
