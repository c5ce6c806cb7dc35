namespace Ride.Common;

/// <summary>Where the module itself lives, and who runs it. Ride's state folders come from <see cref="RideOptions"/>.</summary>
public static class RidePaths
{
    /// <summary>The folder that holds Ride.Core.dll, i.e. the module folder once built.</summary>
    public static string ModuleDirectory => Path.GetDirectoryName(typeof(RidePaths).Assembly.Location)!;

    public static bool IsRoot => !OperatingSystem.IsWindows() && NativeMethods.GetEuid() == 0;
}
