using Npgsql;
using Ride.Scenarios;

namespace Ride.Sessions;

/// <summary>A relation of a scenario database (table, partitioned table, materialized view, view or index).</summary>
public sealed record RelationState(string Database, string Schema, string Name, string Kind, uint FileNode)
{
    public bool IsTable => Kind is "r" or "p" or "m";
}

/// <summary>A scenario role: its powers and its per-role settings (as database:name=value, * for every database).</summary>
public sealed record RoleState(string Name, bool Superuser, bool CreateRole, bool BypassRls, IReadOnlyList<string> Settings);

/// <summary>A client backend: who it is and which application.</summary>
public sealed record BackendState(int Pid, string ApplicationName);

/// <summary>
/// What the catalog-wide traps compare: the relations, columns, roles, server-wide settings and client sessions of a
/// session's primary, read in one pass (one login per database). Taken when the incident goes live (the baseline)
/// and again when a fix is scored.
/// </summary>
public sealed class ClusterState
{
    /// <summary>Server-wide limits a fix must not raise with ALTER SYSTEM.</summary>
    public static readonly IReadOnlyList<string> GlobalLimits = new[] { "max_connections", "work_mem", "maintenance_work_mem", "shared_buffers", "temp_buffers" };

    /// <summary>The scenario databases that accept connections (the others cannot be read, so nothing is judged there).</summary>
    public List<string> Databases { get; set; } = new();

    public List<RelationState> Relations { get; set; } = new();

    /// <summary>Columns as database.schema.table.column.</summary>
    public List<string> Columns { get; set; } = new();

    public List<RoleState> Roles { get; set; } = new();

    /// <summary>The global limits set in postgresql.auto.conf, as name = value.</summary>
    public List<string> AutoConfLimits { get; set; } = new();

    public List<BackendState> Backends { get; set; } = new();

    public static async Task<ClusterState> ReadAsync(ScopedConnections connections, ScenarioDefinition definition, CancellationToken cancellationToken)
    {
        var state = new ClusterState();
        await connections.WithSystemAsync("postgres", async connection =>
        {
            state.Databases.AddRange(await ColumnAsync(connection, "SELECT datname FROM pg_database WHERE datallowconn AND datname = ANY(@names) ORDER BY 1",
                cancellationToken, ("names", definition.AllDatabases.ToArray())).ConfigureAwait(false));
            state.AutoConfLimits.AddRange(await ColumnAsync(connection,
                "SELECT name || ' = ' || setting FROM pg_file_settings WHERE sourcefile LIKE '%postgresql.auto.conf' AND name = ANY(@names) ORDER BY name",
                cancellationToken, ("names", GlobalLimits.ToArray())).ConfigureAwait(false));
            await using (var roles = new NpgsqlCommand(
                """
                SELECT r.rolname, r.rolsuper, r.rolcreaterole, r.rolbypassrls,
                       coalesce((SELECT array_agg(coalesce(d.datname, '*') || ':' || x ORDER BY 1)
                                 FROM pg_db_role_setting s LEFT JOIN pg_database d ON d.oid = s.setdatabase, unnest(s.setconfig) x
                                 WHERE s.setrole = r.oid), '{}')
                FROM pg_roles r WHERE r.rolname = ANY(@names) ORDER BY 1
                """, connection))
            {
                roles.Parameters.AddWithValue("names", definition.Roles.Select(r => r.Name).ToArray());
                await using var reader = await roles.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    state.Roles.Add(new RoleState(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3),
                        reader.GetFieldValue<string[]>(4)));
                }
            }

            await using (var backends = new NpgsqlCommand(
                "SELECT pid, application_name FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() ORDER BY pid", connection))
            {
                await using var reader = await backends.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    state.Backends.Add(new BackendState(reader.GetInt32(0), reader.GetString(1)));
                }
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);

        foreach (var database in state.Databases)
        {
            await connections.WithSystemAsync(database, async connection =>
            {
                await using (var relations = new NpgsqlCommand(
                    """
                    SELECT n.nspname, c.relname, c.relkind::text, c.relfilenode
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p', 'm', 'v', 'i') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                    ORDER BY 1, 2
                    """, connection))
                {
                    await using var reader = await relations.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        state.Relations.Add(new RelationState(database, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<uint>(3)));
                    }
                }

                state.Columns.AddRange(await ColumnAsync(connection,
                    """
                    SELECT current_database() || '.' || n.nspname || '.' || c.relname || '.' || a.attname
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm')
                      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                    ORDER BY 1
                    """, cancellationToken).ConfigureAwait(false));
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }

        return state;
    }

    private static async Task<IReadOnlyList<string>> ColumnAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
