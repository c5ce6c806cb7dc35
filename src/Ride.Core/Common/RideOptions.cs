using System.Collections;
using System.Globalization;

namespace Ride.Common;

/// <summary>
/// Every setting Ride takes from its environment, read once and handed down. Nothing below the cmdlets reads an
/// environment variable: a test or a host can build these options any way it likes.
/// </summary>
public sealed record RideOptions
{
    public const string HomeVariable = "RIDE_HOME";
    public const string ScenarioPathVariable = "RIDE_SCENARIO_PATH";
    public const string ImageVariable = "RIDE_IMAGE";
    public const string PostgresBinVariable = "RIDE_PG_BIN";
    public const string PgBouncerVariable = "RIDE_PGBOUNCER";
    public const string PgBouncerImageVariable = "RIDE_PGBOUNCER_IMAGE";
    public const string PortVariable = "RIDE_PORT";
    public const string SandboxRootVariable = "RIDE_SANDBOX_ROOT";
    public const string ActorsRuntimeVariable = "RIDE_ACTORS_RUNTIME";
    public const string DockerHostVariable = "DOCKER_HOST";

    /// <summary>Ride's state folder (sessions, prepared clusters). RIDE_HOME, else ~/.ride.</summary>
    public required string Home { get; init; }

    /// <summary>Scenario roots searched before the module's own scenarios (RIDE_SCENARIO_PATH).</summary>
    public IReadOnlyList<string> ScenarioPaths { get; init; } = Array.Empty<string>();

    /// <summary>The Docker image to run (RIDE_IMAGE); null for the pinned default.</summary>
    public string? Image { get; init; }

    /// <summary>The PostgreSQL bin folder (RIDE_PG_BIN); null to search for one.</summary>
    public string? PostgresBin { get; init; }

    /// <summary>Local: the pgbouncer program to run for pooler nodes (RIDE_PGBOUNCER), instead of looking for it.</summary>
    public string? PgBouncer { get; init; }

    /// <summary>Docker: the image for pooler nodes (RIDE_PGBOUNCER_IMAGE).</summary>
    public string? PgBouncerImage { get; init; }

    /// <summary>The port to try first for a sandbox (RIDE_PORT).</summary>
    public int? PreferredPort { get; init; }

    /// <summary>Where Local sandbox data goes (RIDE_SANDBOX_ROOT); null to choose.</summary>
    public string? SandboxRoot { get; init; }

    /// <summary>RIDE_ACTORS_RUNTIME=dotnet: run the actors on .NET even when the native program is there.</summary>
    public bool ForceDotnetActors { get; init; }

    /// <summary>The Docker endpoint (DOCKER_HOST); null for the platform's default.</summary>
    public string? DockerHost { get; init; }

    /// <summary>The program search path (PATH), for finding PostgreSQL, bubblewrap and dotnet.</summary>
    public IReadOnlyList<string> SearchPath { get; init; } = Array.Empty<string>();

    /// <summary>DOTNET_ROOT, for finding the dotnet host of the actors program.</summary>
    public string? DotnetRoot { get; init; }

    public string SessionsDirectory => Path.Combine(Home, "sessions");

    public string SessionDirectory(string sessionId) => Path.Combine(SessionsDirectory, sessionId);

    /// <summary>Reads the options from this process's environment.</summary>
    public static RideOptions FromEnvironment() => FromVariables(Environment.GetEnvironmentVariables());

    /// <summary>Reads the options from a set of variables; a malformed value is an error that names the variable.</summary>
    public static RideOptions FromVariables(IDictionary variables)
    {
        string? Get(string name) => variables[name] is string value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var home = Get(HomeVariable) is { } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ride");
        return new RideOptions
        {
            Home = home,
            ScenarioPaths = Split(Get(ScenarioPathVariable)),
            Image = Get(ImageVariable),
            PostgresBin = Get(PostgresBinVariable),
            PgBouncer = Get(PgBouncerVariable),
            PgBouncerImage = Get(PgBouncerImageVariable),
            PreferredPort = ParsePort(Get(PortVariable)),
            SandboxRoot = Get(SandboxRootVariable) is { } root ? Path.GetFullPath(root) : null,
            ForceDotnetActors = string.Equals(Get(ActorsRuntimeVariable), "dotnet", StringComparison.OrdinalIgnoreCase),
            DockerHost = Get(DockerHostVariable),
            SearchPath = Split(Get("PATH")),
            DotnetRoot = Get("DOTNET_ROOT"),
        };
    }

    internal static int? ParsePort(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) || port is < 1024 or > 65535)
        {
            throw new RideException("InvalidPort", RideErrorCategory.InvalidArgument,
                $"{PortVariable} is '{text}'; it must be a port number between 1024 and 65535, or unset.", text);
        }

        return port;
    }

    private static IReadOnlyList<string> Split(string? list) =>
        list is null
            ? Array.Empty<string>()
            : list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
