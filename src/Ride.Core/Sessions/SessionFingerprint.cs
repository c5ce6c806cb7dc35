using System.Text;
using Ride.Scenarios;

namespace Ride.Sessions;

/// <summary>
/// What a session looks like, independent of pids and times: every scenario database's tables, columns, indexes,
/// and constraints, the scenario's roles and databases with their attributes. Two sessions
/// of a scenario with the same fingerprint are the same drill; Test-RideScenario uses it to prove Reset.
/// </summary>
public static class SessionFingerprint
{
    /// <summary>Catalog rows only: the pg_get_*def functions open relations, and would wait behind an incident's lock queue.</summary>
    private const string SchemaSql =
        """
        SELECT string_agg(line, E'\n' ORDER BY line) FROM (
          SELECT format('column %s.%s.%s %s %s', n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull) AS line
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'v', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            AND n.nspname NOT LIKE 'pg_toast%'
          UNION ALL
          SELECT format('index %s.%s on %s (%s) unique=%s primary=%s valid=%s method=%s partial=%s expressions=%s',
                        n.nspname, ic.relname, tc.relname,
                        (SELECT string_agg(coalesce(a.attname, 'expr'), ',' ORDER BY k.ord)
                         FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                         LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum),
                        i.indisunique, i.indisprimary, i.indisvalid, am.amname, i.indpred IS NOT NULL, i.indexprs IS NOT NULL)
          FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid
          JOIN pg_namespace n ON n.oid = ic.relnamespace JOIN pg_am am ON am.oid = ic.relam
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
          UNION ALL
          SELECT format('constraint %s %s on %s columns %s', co.conname, co.contype, c.relname, co.conkey::text)
          FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
        ) lines
        """;

    private const string ClusterSql =
        """
        SELECT string_agg(line, E'\n' ORDER BY line) FROM (
          SELECT format('role %s super=%s login=%s createrole=%s createdb=%s replication=%s bypassrls=%s connlimit=%s settings=%s',
                        r.rolname, r.rolsuper, r.rolcanlogin, r.rolcreaterole, r.rolcreatedb, r.rolreplication, r.rolbypassrls, r.rolconnlimit,
                        (SELECT array_agg(x ORDER BY x) FROM pg_db_role_setting s, unnest(s.setconfig) x WHERE s.setrole = r.oid)) AS line
          FROM pg_roles r WHERE r.rolname !~ '^pg_'
          UNION ALL
          SELECT format('member %s of %s', m.rolname, g.rolname) FROM pg_auth_members am JOIN pg_roles m ON m.oid = am.member JOIN pg_roles g ON g.oid = am.roleid
          WHERE g.rolname !~ '^pg_'
          UNION ALL
          SELECT format('database %s owner=%s allowconn=%s connlimit=%s acl=%s', d.datname, pg_get_userbyid(d.datdba), d.datallowconn, d.datconnlimit,
                        (SELECT array_agg(a::text ORDER BY a::text) FROM unnest(d.datacl) a))
          FROM pg_database d WHERE d.datname = ANY(@databases)
          UNION ALL
          SELECT format('setting %s=%s', name, setting) FROM pg_file_settings WHERE sourcefile LIKE '%postgresql.auto.conf'
        ) lines
        """;

    /// <summary>
    /// The topology (each node's role, upstream and whether it is down on purpose), then the catalog as the primary has
    /// it, or, while an incident keeps the primary down, as a running replica has it.
    /// </summary>
    public static async Task<string> TakeAsync(SessionRecord state, ScenarioDefinition definition, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var node in state.Nodes)
        {
            text.AppendLine($"node {node.Name} role={node.Role} upstream={node.Upstream} stopped={node.StoppedOnPurpose} fenced={node.Fenced}");
        }

        var source = state.Primary.StoppedOnPurpose
            ? state.Nodes.FirstOrDefault(n => n.Role == Engines.NodeRole.Replica && !n.StoppedOnPurpose)?.Name
            : state.Primary.Name;
        if (source is null)
        {
            return text.ToString();
        }

        var connections = new SessionConnections(state);
        await using (var cluster = await connections.OpenSystemAsync("postgres", cancellationToken, source).ConfigureAwait(false))
        await using (var command = new Npgsql.NpgsqlCommand(ClusterSql, cluster))
        {
            command.Parameters.AddWithValue("databases", definition.AllDatabases.ToArray());
            text.AppendLine(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string);
        }

        foreach (var database in definition.AllDatabases)
        {
            // A database closed to connections (an incident may close one) is described by the cluster part alone.
            await using (var cluster = await connections.OpenSystemAsync("postgres", cancellationToken, source).ConfigureAwait(false))
            {
                if (!await SessionConnections.ScalarAsync<bool>(cluster,
                        $"SELECT datallowconn FROM pg_database WHERE datname = {Common.Sql.Literal(database)}", cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }
            }

            await using var connection = await connections.OpenSystemAsync(database, cancellationToken, source).ConfigureAwait(false);
            text.Append("== ").AppendLine(database);
            text.AppendLine(await SessionConnections.ScalarAsync<string>(connection, SchemaSql, cancellationToken).ConfigureAwait(false));
        }

        return text.ToString();
    }

    /// <summary>The lines of one fingerprint that the other lacks, for a failure message.</summary>
    public static IReadOnlyList<string> Difference(string expected, string actual)
    {
        var a = expected.Split('\n').ToHashSet();
        var b = actual.Split('\n').ToHashSet();
        return a.Except(b).Select(l => "- " + l).Concat(b.Except(a).Select(l => "+ " + l)).Take(10).ToList();
    }
}
