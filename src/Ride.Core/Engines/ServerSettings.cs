using System.Globalization;

namespace Ride.Engines;

/// <summary>The server settings of a sandbox: what every scenario relies on, the scenario's own, and Ride's connection reserve.</summary>
public static class ServerSettings
{
    /// <summary>
    /// Connection slots Ride keeps for itself on top of the scenario's max_connections, reserved for superusers, so
    /// its setup scripts, checks and repairs never compete with the applications for the last slots. The applications
    /// see exactly the limit the scenario sets; SHOW max_connections reads this many more.
    /// </summary>
    public const int RideReservedConnections = 4;

    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        ["shared_preload_libraries"] = "pg_stat_statements",
        ["pg_stat_statements.track"] = "all",
        // The backend type names the server process behind a line that has no client (checkpointer, autovacuum worker…).
        ["log_line_prefix"] = "%m [%p] [%b] %u@%d app=%a ",
        ["log_min_error_statement"] = "error",
        ["track_io_timing"] = "on",
        ["log_timezone"] = "UTC",
        ["fsync"] = "off",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
        // New WAL segments are not zero-filled: CREATE DATABASE writes its copy to WAL, and zero-filling tripled its cost.
        ["wal_init_zero"] = "off",
        ["max_connections"] = "100",
        ["superuser_reserved_connections"] = "3",
    };

    /// <summary>
    /// A seeding server's settings: the session's, with WAL kept small and never archived. Setup can write gigabytes of
    /// WAL, and a server keeps up to max_wal_size of old segments for reuse; a seed would carry them into every clone.
    /// The archive directory belongs to the session, so a seed's WAL never goes there.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ForSeeding(IReadOnlyDictionary<string, string> settings) =>
        new Dictionary<string, string>(settings) { ["min_wal_size"] = "32MB", ["max_wal_size"] = "64MB", ["archive_mode"] = "off" };

    /// <summary>The defaults with a scenario's settings on top, and Ride's reserve added to the connection limits.</summary>
    public static IReadOnlyDictionary<string, string> For(IReadOnlyDictionary<string, string> scenario)
    {
        var merged = new Dictionary<string, string>(Defaults);
        foreach (var (name, value) in scenario)
        {
            merged[name] = value;
        }

        foreach (var name in new[] { "max_connections", "superuser_reserved_connections" })
        {
            if (int.TryParse(merged[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                merged[name] = (value + RideReservedConnections).ToString(CultureInfo.InvariantCulture);
            }
        }

        return merged;
    }
}
