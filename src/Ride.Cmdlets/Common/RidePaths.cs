namespace Ride.Common;

/// <summary>Where Ride keeps its state. RIDE_HOME overrides the default (~/.ride) so tests never touch a user's real state.</summary>
public static class RidePaths
{
    public static string Home
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("RIDE_HOME");
            if (!string.IsNullOrWhiteSpace(fromEnv))
            {
                return Path.GetFullPath(fromEnv);
            }

            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ride");
        }
    }

    public static string SessionsDirectory => Path.Combine(Home, "sessions");

    public static string SessionDirectory(string sessionId) => Path.Combine(SessionsDirectory, sessionId);

    /// <summary>The folder that holds Ride.Cmdlets.dll, i.e. the module folder once built.</summary>
    public static string ModuleDirectory => Path.GetDirectoryName(typeof(RidePaths).Assembly.Location)!;

    public static bool IsRoot => !OperatingSystem.IsWindows() && NativeMethods.GetEuid() == 0;
}
