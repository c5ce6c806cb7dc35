using System.Globalization;
using Npgsql;
using Ride.Common;
using Ride.Scenarios;

namespace Ride.Sessions;

/// <summary>
/// A single server's snapshot: a template copy of every scenario database, plus what a database copy does not carry
/// (role attributes, memberships and settings; databases' owner, ACL and options), kept in Ride's own database.
/// </summary>
internal sealed class DatabaseSnapshot : ISessionSnapshot
{
    public const string BookkeepingDatabase = "ride";
    private const string TemplatePrefix = "ride_template_";

    /// <summary>The application backends at the start of the incident, which Trap checks compare against.</summary>
    public const string BaselineTable =
        "CREATE TABLE baseline_backends (pid int PRIMARY KEY, application_name text NOT NULL, datname text, usename text, backend_start timestamptz)";

    public async Task TakeAsync(SessionRecord state, ScenarioDefinition definition, SessionConnections connections, CancellationToken cancellationToken)
    {
        await using (var bookkeeping = await connections.OpenSystemAsync(BookkeepingDatabase, cancellationToken).ConfigureAwait(false))
        {
            await using (var roles = new NpgsqlCommand(
                """
                CREATE TABLE role_snapshot AS
                SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit
                FROM pg_roles WHERE rolname = ANY(@roles);
                CREATE TABLE membership_snapshot AS
                SELECT r.rolname AS role, m.rolname AS member, am.admin_option
                FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
                WHERE m.rolname = ANY(@roles);
                """, bookkeeping))
            {
                roles.Parameters.AddWithValue("roles", definition.Roles.Select(r => r.Name).Append(state.OperatorRole).ToArray());
                await roles.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var databases = new NpgsqlCommand(
                """
                CREATE TABLE database_snapshot AS
                SELECT d.datname, pg_get_userbyid(d.datdba) AS owner, d.datallowconn, d.datconnlimit, d.datacl IS NULL AS default_acl
                FROM pg_database d WHERE d.datname = ANY(@databases);
                CREATE TABLE database_acl_snapshot AS
                SELECT d.datname, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee,
                       a.privilege_type, a.is_grantable
                FROM pg_database d CROSS JOIN LATERAL aclexplode(d.datacl) a WHERE d.datname = ANY(@databases);
                """, bookkeeping))
            {
                databases.Parameters.AddWithValue("databases", definition.AllDatabases.ToArray());
                await databases.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await SessionConnections.ExecuteAsync(bookkeeping, """
                CREATE TABLE setting_snapshot AS
                SELECT d.datname, r.rolname, s.setconfig
                FROM pg_db_role_setting s
                LEFT JOIN pg_database d ON d.oid = s.setdatabase
                LEFT JOIN pg_roles r ON r.oid = s.setrole
                """, cancellationToken).ConfigureAwait(false);
        }

        // FILE_COPY: the snapshot is taken once, while a seed is built, and copying files writes no WAL, which the seed would
        // otherwise keep (the default WAL_LOG writes a big database's every page to it).
        await using var connection = await connections.OpenSystemAsync("postgres", cancellationToken).ConfigureAwait(false);
        foreach (var database in definition.AllDatabases)
        {
            var template = Sql.Identifier(TemplatePrefix + database);
            await SessionConnections.ExecuteAsync(connection, $"CREATE DATABASE {template} TEMPLATE {Sql.Identifier(database)} STRATEGY FILE_COPY",
                cancellationToken).ConfigureAwait(false);
            await SessionConnections.ExecuteAsync(connection, $"ALTER DATABASE {template} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false", cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task RestoreAsync(SessionRecord state, ScenarioDefinition definition, SessionConnections connections, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenSystemAsync("postgres", cancellationToken).ConfigureAwait(false);

        // FILE_COPY copies the files past WAL and the buffer cache, so Reset after Reset fills neither.
        foreach (var database in definition.AllDatabases)
        {
            // A logical replication slot belongs to its database and blocks DROP DATABASE even WITH (FORCE). A drill
            // about slots creates the ones it needs in incident.sql, which runs again after the restore.
            await SessionConnections.ExecuteAsync(connection, string.Format(CultureInfo.InvariantCulture, DropLogicalSlotsSql, Sql.Literal(database)),
                cancellationToken).ConfigureAwait(false);
            await SessionConnections.ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {Sql.Identifier(database)} WITH (FORCE)", cancellationToken)
                .ConfigureAwait(false);
            await SessionConnections.ExecuteAsync(connection,
                $"CREATE DATABASE {Sql.Identifier(database)} TEMPLATE {Sql.Identifier(TemplatePrefix + database)} STRATEGY FILE_COPY", cancellationToken)
                .ConfigureAwait(false);
        }

        await using var bookkeeping = await connections.OpenSystemAsync(BookkeepingDatabase, cancellationToken).ConfigureAwait(false);
        var statements = new List<string>();
        statements.AddRange(await SessionConnections.ColumnAsync(bookkeeping, RestoreDatabasesSql, cancellationToken).ConfigureAwait(false));
        statements.Add("ALTER SYSTEM RESET ALL");
        statements.Add("SELECT pg_reload_conf()");
        statements.AddRange(await RoleStatementsAsync(bookkeeping, state, cancellationToken).ConfigureAwait(false));
        statements.AddRange(await SessionConnections.ColumnAsync(bookkeeping, MembershipsSql, cancellationToken).ConfigureAwait(false));
        statements.AddRange(await SettingStatementsAsync(bookkeeping, cancellationToken).ConfigureAwait(false));
        foreach (var statement in statements)
        {
            await SessionConnections.ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ends whatever consumes a database's logical slots and drops them; a slot stays active until its consumer's backend
    /// has exited, so each drop is retried for a few seconds.
    /// </summary>
    private const string DropLogicalSlotsSql =
        """
        DO $$
        DECLARE
            deadline timestamptz := clock_timestamp() + interval '5 seconds';
            slot record;
        BEGIN
            PERFORM pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE database = {0} AND active_pid IS NOT NULL;
            FOR slot IN SELECT slot_name FROM pg_replication_slots WHERE database = {0} LOOP
                LOOP
                    BEGIN
                        PERFORM pg_drop_replication_slot(slot.slot_name);
                        EXIT;
                    EXCEPTION WHEN object_in_use THEN
                        IF clock_timestamp() > deadline THEN
                            RAISE;
                        END IF;
                        PERFORM pg_sleep(0.05);
                    END;
                END LOOP;
            END LOOP;
        END
        $$
        """;

    /// <summary>A copied database gets a fresh owner, ACL and connection options: put back what the setup gave it.</summary>
    private const string RestoreDatabasesSql =
        """
        SELECT 'ALTER DATABASE ' || quote_ident(datname) || ' OWNER TO ' || quote_ident(owner) FROM database_snapshot
        UNION ALL
        SELECT 'ALTER DATABASE ' || quote_ident(datname) || ' WITH ALLOW_CONNECTIONS ' || datallowconn || ' CONNECTION LIMIT ' || datconnlimit
        FROM database_snapshot
        UNION ALL
        SELECT 'REVOKE ALL ON DATABASE ' || quote_ident(datname) || ' FROM PUBLIC' FROM database_snapshot WHERE NOT default_acl
        UNION ALL
        SELECT 'GRANT ' || privilege_type || ' ON DATABASE ' || quote_ident(datname) || ' TO ' || grantee
               || CASE WHEN is_grantable THEN ' WITH GRANT OPTION' ELSE '' END
        FROM database_acl_snapshot
        """;

    /// <summary>Memberships the operator added are revoked, the ones the setup made are granted again.</summary>
    private const string MembershipsSql =
        """
        SELECT 'REVOKE ' || quote_ident(r.rolname) || ' FROM ' || quote_ident(m.rolname)
        FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
        WHERE m.rolname IN (SELECT rolname FROM role_snapshot)
          AND NOT EXISTS (SELECT 1 FROM membership_snapshot s WHERE s.role = r.rolname AND s.member = m.rolname)
        UNION ALL
        SELECT 'GRANT ' || quote_ident(s.role) || ' TO ' || quote_ident(s.member) || CASE WHEN s.admin_option THEN ' WITH ADMIN OPTION' ELSE '' END
        FROM membership_snapshot s
        WHERE NOT EXISTS (SELECT 1 FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
                          WHERE r.rolname = s.role AND m.rolname = s.member)
        """;

    /// <summary>
    /// Puts the scenario's roles back as the setup left them: attributes (superuser, connection limit, …),
    /// passwords and settings cleared. Roles the operator created are left alone.
    /// </summary>
    private static async Task<IReadOnlyList<string>> RoleStatementsAsync(NpgsqlConnection bookkeeping, SessionRecord state, CancellationToken cancellationToken)
    {
        var statements = new List<string>();
        await using var roles = new NpgsqlCommand(
            "SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit FROM role_snapshot",
            bookkeeping);
        await using var reader = await roles.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = reader.GetString(0);
            string Flag(int ordinal, string word) => reader.GetBoolean(ordinal) ? word : "NO" + word;
            statements.Add($"ALTER ROLE {Sql.Identifier(name)} {Flag(1, "SUPERUSER")} {Flag(2, "INHERIT")} {Flag(3, "CREATEROLE")} "
                           + $"{Flag(4, "CREATEDB")} {Flag(5, "LOGIN")} {Flag(6, "REPLICATION")} {Flag(7, "BYPASSRLS")} "
                           + $"CONNECTION LIMIT {reader.GetInt32(8)} PASSWORD {Sql.Literal(state.PasswordOf(name))} VALID UNTIL 'infinity'");
            statements.Add($"ALTER ROLE {Sql.Identifier(name)} RESET ALL");
        }

        return statements;
    }

    private static async Task<IReadOnlyList<string>> SettingStatementsAsync(NpgsqlConnection bookkeeping, CancellationToken cancellationToken)
    {
        var statements = new List<string>();
        await using var command = new NpgsqlCommand("SELECT datname, rolname, setconfig FROM setting_snapshot", bookkeeping);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var database = reader.IsDBNull(0) ? null : reader.GetString(0);
            var role = reader.IsDBNull(1) ? null : reader.GetString(1);
            var target = (role, database) switch
            {
                (null, { } d) => $"DATABASE {Sql.Identifier(d)}",
                ({ } r, null) => $"ROLE {Sql.Identifier(r)}",
                ({ } r, { } d) => $"ROLE {Sql.Identifier(r)} IN DATABASE {Sql.Identifier(d)}",
                _ => null,
            };
            if (target is null)
            {
                continue;
            }

            statements.AddRange(reader.GetFieldValue<string[]>(2).Select(setting => SetStatement(target, setting)));
        }

        return statements;
    }

    /// <summary>Settings whose stored value is a list PostgreSQL quoted element by element ("$user", public): given back as the list it is.</summary>
    private static readonly IReadOnlySet<string> QuotedLists = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "search_path", "temp_tablespaces", "session_preload_libraries", "local_preload_libraries", "shared_preload_libraries",
    };

    /// <summary>
    /// The statement that sets one stored setting (name=value, as pg_db_role_setting keeps it) on a role or database
    /// again. A quoted list goes back as written: as one literal it would become a single element of that whole text.
    /// </summary>
    internal static string SetStatement(string target, string setting)
    {
        var equals = setting.IndexOf('=');
        var (name, value) = (setting[..equals], setting[(equals + 1)..]);
        return QuotedLists.Contains(name)
            ? $"ALTER {target} SET {Sql.Identifier(name)} = {value}"
            : $"ALTER {target} SET {Sql.Identifier(name)} = {Sql.Literal(value)}";
    }
}
