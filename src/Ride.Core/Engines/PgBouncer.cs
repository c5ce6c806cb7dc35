using System.Globalization;
using System.Text;

namespace Ride.Engines;

/// <summary>
/// PgBouncer as Ride runs it in front of a node: Ride writes its pgbouncer.ini and auth file. Every database is
/// passed through to the node it fronts; clients log in with their PostgreSQL role's password (SCRAM), which PgBouncer
/// also uses towards the server; the operator is the console's only admin, so whatever the console logs was asked by them.
/// </summary>
public static class PgBouncer
{
    /// <summary>The port PgBouncer listens on inside its container or jail (its usual one).</summary>
    public const int ListenPort = 6432;

    /// <summary>The console's virtual database, where SHOW POOLS and friends run.</summary>
    public const string ConsoleDatabase = "pgbouncer";

    public const string IniFile = "pgbouncer.ini";

    public const string AuthFile = "userlist.txt";

    /// <summary>The image for users' Docker poolers when RIDE_PGBOUNCER_IMAGE names none: any image with pgbouncer on its PATH works.</summary>
    public const string DefaultImage = "edoburu/pgbouncer:latest";

    /// <summary>PgBouncer's defaults where a drill says nothing, as its own defaults are, except a shorter wait for a server connection.</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pool_mode"] = "session",
        ["default_pool_size"] = "20",
        ["max_client_conn"] = "100",

        // PgBouncer's own 120 s would outlast every bound Ride scores within: a client that cannot get a server
        // connection fails after this long, as it would in production with a tuned pooler.
        ["query_wait_timeout"] = "30",
    };

    /// <summary>The pool settings a scenario may give a pooler node (its [pgbouncer] section); listening, auth and logging stay Ride's.</summary>
    public static readonly IReadOnlySet<string> ScenarioSettings = new HashSet<string>(StringComparer.Ordinal)
    {
        "pool_mode", "default_pool_size", "min_pool_size", "reserve_pool_size", "reserve_pool_timeout", "max_client_conn",
        "max_db_connections", "max_user_connections", "query_wait_timeout", "query_timeout", "idle_transaction_timeout",
        "client_idle_timeout", "server_idle_timeout", "server_lifetime", "server_connect_timeout", "server_login_retry",
        "server_reset_query", "server_reset_query_always", "server_check_delay", "server_check_query", "server_round_robin",
        "ignore_startup_parameters", "stats_period", "max_prepared_statements",
    };

    /// <summary>Where PgBouncer listens and where it finds the node it fronts, as the engine lays them out.</summary>
    /// <param name="SocketDirectory">Local: the folder of its Unix-domain socket (it listens on no TCP address); Docker: null.</param>
    /// <param name="Upstream">The fronted node as PgBouncer reaches it: a socket folder (Local) or the node's name on the session network (Docker).</param>
    /// <param name="ConfigDirectory">Where the ini and auth file are, as PgBouncer sees them.</param>
    public sealed record Layout(string? SocketDirectory, Endpoint Upstream, string ConfigDirectory);

    /// <summary>pgbouncer.ini: every database through to the upstream, the pool settings, and Ride's listening, auth and logging.</summary>
    public static string Ini(Layout layout, IReadOnlyDictionary<string, string> settings, string adminUser)
    {
        var ini = new StringBuilder()
            .AppendLine("; Written by Ride. Every database goes to the node this pooler fronts.")
            .AppendLine("[databases]")
            .Append("* = host=").Append(layout.Upstream.Host).Append(" port=").AppendLine(layout.Upstream.Port.ToString(CultureInfo.InvariantCulture))
            .AppendLine()
            .AppendLine("[pgbouncer]");
        if (layout.SocketDirectory is { } socket)
        {
            ini.AppendLine("listen_addr =").Append("unix_socket_dir = ").AppendLine(socket);
        }
        else
        {
            ini.AppendLine("listen_addr = *").AppendLine("unix_socket_dir =");
        }

        ini.Append("listen_port = ").AppendLine(ListenPort.ToString(CultureInfo.InvariantCulture))
            .AppendLine("auth_type = scram-sha-256")
            .Append("auth_file = ").AppendLine(layout.ConfigDirectory.TrimEnd('/') + "/" + AuthFile)
            .Append("admin_users = ").AppendLine(adminUser)
            .AppendLine("stats_users =")
            // The log goes to standard error (Ride keeps it); verbose 1 adds the console's queries, the operator's evidence.
            .AppendLine("logfile =")
            .AppendLine("pidfile =")
            .AppendLine("verbose = 1")
            .AppendLine("log_connections = 1")
            .AppendLine("log_disconnections = 1")
            .AppendLine("application_name_add_host = 0");
        foreach (var (name, value) in Merge(settings))
        {
            ini.Append(name).Append(" = ").AppendLine(value);
        }

        return ini.ToString();
    }

    /// <summary>Ride's defaults overridden by the scenario's settings, in a stable order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Merge(IReadOnlyDictionary<string, string> settings)
    {
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Defaults)
        {
            merged[name] = value;
        }

        foreach (var (name, value) in settings)
        {
            merged[name] = value;
        }

        return merged.ToList();
    }

    /// <summary>The auth file: each login role with its password, in PgBouncer's quoting.</summary>
    public static string Users(IReadOnlyDictionary<string, string> passwords)
    {
        var text = new StringBuilder();
        foreach (var (user, password) in passwords.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append('"').Append(Quote(user)).Append("\" \"").Append(Quote(password)).AppendLine("\"");
        }

        return text.ToString();
    }

    /// <summary>A value PgBouncer reads back as written: one line, no comment or section syntax.</summary>
    public static bool IsPlainValue(string value) =>
        value.Length > 0 && value.Length <= 200 && value.All(c => !char.IsControl(c) && c is not ';' and not '#' and not '[' and not ']');

    private static string Quote(string text) => text.Replace("\"", "\"\"", StringComparison.Ordinal);
}

/// <summary>What a session asks of an engine for a PgBouncer node, besides the node it fronts.</summary>
public sealed class PoolerRequest
{
    /// <summary>The [pgbouncer] settings the scenario gives (pool mode and sizes); Ride's defaults fill the rest.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The roles that may log in through the pooler, with their passwords.</summary>
    public required IReadOnlyDictionary<string, string> Users { get; init; }

    /// <summary>The console's admin: the operator.</summary>
    public required string AdminUser { get; init; }
}
