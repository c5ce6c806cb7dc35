using System.Management.Automation;
using Npgsql;
using Ride.Common;
using Ride.Sandbox;
using Ride.Scenarios;
using Ride.Workload;

namespace Ride.Sessions;

/// <summary>The life of a session: boot, seed, start actors, apply the incident; reset; stop.</summary>
public static class SessionManager
{
    public const string BookkeepingDatabase = "ride";
    private const string TemplatePrefix = "ride_template_";
    private static readonly TimeSpan ActorsConnectTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan IncidentLiveTimeout = TimeSpan.FromSeconds(15);

    public static async Task<SessionRecord> StartAsync(RideScenario scenario, EngineKind engineKind, string? image,
        IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        progress.Report(new SandboxProgress("Choosing an engine", 2));
        using var engine = await EngineFactory.CreateAsync(engineKind, cancellationToken).ConfigureAwait(false);
        var definition = scenario.Definition;
        var state = new SessionRecord
        {
            SessionId = Secrets.NewSessionId(),
            ScenarioId = scenario.Id,
            ScenarioPath = scenario.Path,
            Engine = engine.Kind,
            StartedAt = DateTimeOffset.UtcNow,
            SuperPassword = Secrets.NewPassword(),
            OperatorRole = definition.OperatorRole,
            OperatorPassword = Secrets.NewPassword(),
            RolePasswords = definition.Roles.ToDictionary(r => r.Name, _ => Secrets.NewPassword()),
        };
        var directory = RidePaths.SessionDirectory(state.SessionId);
        SessionStore.Save(state);
        try
        {
            var node = await engine.StartNodeAsync(new NodeRequest
            {
                SessionId = state.SessionId,
                SessionDirectory = directory,
                SuperUser = state.SuperUser,
                SuperPassword = state.SuperPassword,
                Image = image,
                PreferredPort = PreferredPort(),
                Settings = ServerSettings.Merge(definition.Settings),
                Preparation = Preparation,
            }, progress, cancellationToken).ConfigureAwait(false);
            state.Nodes.Add(node);
            SessionStore.Save(state);

            progress.Report(new SandboxProgress("Creating roles and databases", 50));
            await CreateRolesAndDatabasesAsync(state, definition, cancellationToken).ConfigureAwait(false);

            // The actors process starts now, paused, so its start overlaps the setup; it connects once the incident begins.
            state.ActorsPid = await ActorLauncher.StartAsync(ActorConfigurationFor(state, definition), paused: true, cancellationToken).ConfigureAwait(false);
            SessionStore.Save(state);

            progress.Report(new SandboxProgress("Seeding the scenario (setup scripts)", 60));
            foreach (var script in definition.Setup)
            {
                await RunScriptAsync(engine, state, scenario.FilePath(script), script, "SetupScriptFailed", cancellationToken).ConfigureAwait(false);
            }

            await SnapshotDatabasesAsync(state, definition, cancellationToken).ConfigureAwait(false);
            await StartIncidentAsync(engine, state, scenario, progress, cancellationToken, resumeActors: true).ConfigureAwait(false);
            state.Status = SessionStatus.Running;
            SessionStore.Save(state);
            progress.Report(new SandboxProgress("Ready", 100));
            return state;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Never leave a half-made sandbox behind.
            await DiscardAsync(engine, state, CancellationToken.None).ConfigureAwait(false);
            if (ex is RideException or OperationCanceledException)
            {
                throw;
            }

            throw new RideException("SandboxBootFailed", ErrorCategory.OpenError,
                $"Starting {scenario.Id} failed: {ex.Message}", scenario.Id, ex);
        }
    }

    /// <summary>Back to the start of the incident: actors stopped, databases re-created from their snapshots, incident applied again.</summary>
    public static async Task<SessionRecord> ResetAsync(SessionRecord state, IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        var scenario = ScenarioCatalog.Load(state.ScenarioPath);
        using var engine = await EngineFactory.ForNodeAsync(state.Primary, cancellationToken).ConfigureAwait(false);
        await EnsureAliveAsync(engine, state, cancellationToken).ConfigureAwait(false);

        progress.Report(new SandboxProgress("Pausing the actors", 10));
        var paused = await ActorLauncher.PauseAsync(RidePaths.SessionDirectory(state.SessionId), state.ActorsPid, cancellationToken).ConfigureAwait(false);

        progress.Report(new SandboxProgress("Restoring the databases", 30));
        await using (var connection = await Database.OpenAsSystemAsync(state, "postgres", cancellationToken).ConfigureAwait(false))
        {
            // FILE_COPY copies the files past WAL and the buffer cache, so Reset after Reset fills neither.
            foreach (var database in ScenarioDatabases(scenario.Definition))
            {
                await Database.ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {Sql.Identifier(database)} WITH (FORCE)", cancellationToken).ConfigureAwait(false);
                await Database.ExecuteAsync(connection,
                    $"CREATE DATABASE {Sql.Identifier(database)} TEMPLATE {Sql.Identifier(TemplatePrefix + database)} STRATEGY FILE_COPY", cancellationToken).ConfigureAwait(false);
            }

            await using var bookkeeping = await Database.OpenAsSystemAsync(state, BookkeepingDatabase, cancellationToken).ConfigureAwait(false);
            await RestoreDatabaseAttributesAsync(connection, bookkeeping, cancellationToken).ConfigureAwait(false);
            await Database.ExecuteAsync(connection, "ALTER SYSTEM RESET ALL", cancellationToken).ConfigureAwait(false);
            await Database.ExecuteAsync(connection, "SELECT pg_reload_conf()", cancellationToken).ConfigureAwait(false);
            await ResetRolesAsync(connection, bookkeeping, state, cancellationToken).ConfigureAwait(false);
            await RestoreSettingsAsync(connection, bookkeeping, cancellationToken).ConfigureAwait(false);
        }

        File.Delete(Path.Combine(RidePaths.SessionDirectory(state.SessionId), ActorFiles.AppLog));
        await StartIncidentAsync(engine, state, scenario, progress, cancellationToken, resumeActors: paused).ConfigureAwait(false);
        return SessionStore.Update(state.SessionId, s =>
        {
            s.ActorsPid = state.ActorsPid;
            s.IncidentAt = state.IncidentAt;
            s.HintsUsed = 0;
            s.CommandsUsed.Clear();
            s.Resets++;
            s.Status = SessionStatus.Running;
        });
    }

    /// <summary>Stops actors and removes the sandbox. Returns notes about things that were already gone.</summary>
    public static async Task<IReadOnlyList<string>> StopAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var directory = RidePaths.SessionDirectory(state.SessionId);
        await ActorLauncher.StopAsync(directory, state.ActorsPid, cancellationToken).ConfigureAwait(false);
        foreach (var node in state.Nodes)
        {
            using var engine = await EngineFactory.ForNodeAsync(node, cancellationToken).ConfigureAwait(false);
            var note = await engine.RemoveNodeAsync(node, cancellationToken).ConfigureAwait(false);
            if (note is not null)
            {
                notes.Add(note);
            }
        }

        SessionStore.Delete(state.SessionId);
        return notes;
    }

    public static async Task<string> StatusAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        if (state.Status == SessionStatus.Starting || state.Nodes.Count == 0)
        {
            return state.Status;
        }

        try
        {
            using var engine = await EngineFactory.ForNodeAsync(state.Primary, cancellationToken).ConfigureAwait(false);
            return await engine.IsNodeAliveAsync(state.Primary, cancellationToken).ConfigureAwait(false) ? SessionStatus.Running : SessionStatus.Lost;
        }
        catch (RideException)
        {
            return SessionStatus.Lost;
        }
    }

    public static async Task EnsureAliveAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        using var engine = await EngineFactory.ForNodeAsync(state.Primary, cancellationToken).ConfigureAwait(false);
        await EnsureAliveAsync(engine, state, cancellationToken).ConfigureAwait(false);
    }

    public static async Task EnsureAliveAsync(ISandboxEngine engine, SessionRecord state, CancellationToken cancellationToken)
    {
        if (!await engine.IsNodeAliveAsync(state.Primary, cancellationToken).ConfigureAwait(false))
        {
            throw new RideException("SessionLost", ErrorCategory.ResourceUnavailable,
                $"The sandbox of session {state.SessionId} is no longer running. Remove it with Stop-RideScenario -Session {state.SessionId} and start a new one.",
                state.SessionId);
        }
    }

    /// <summary>Runs a scenario script through psql as ride_system; a failure names the script, its line and the server's message.</summary>
    internal static async Task RunScriptAsync(ISandboxEngine engine, SessionRecord state, string path, string displayName, string errorId,
        CancellationToken cancellationToken)
    {
        var result = await engine.RunPsqlAsync(state.Primary, new PsqlInvocation
        {
            User = state.SuperUser,
            Password = state.SuperPassword,
            Database = ScenarioIds.DefaultDatabase,
            Script = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false),
        }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var error = PsqlError.Parse(result.StandardError);
            var where = error?.Line is { } line ? $"{displayName} line {line}" : displayName;
            throw new RideException(errorId, ErrorCategory.InvalidData,
                $"{where}: {error?.Message ?? result.StandardError.Trim()}", path);
        }
    }

    private static IEnumerable<string> ScenarioDatabases(ScenarioDefinition definition) =>
        new[] { ScenarioIds.DefaultDatabase }.Concat(definition.Databases);

    private static int? PreferredPort()
    {
        var text = Environment.GetEnvironmentVariable("RIDE_PORT");
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text, out var port) || port is < 1024 or > 65535)
        {
            throw new RideException("InvalidPort", ErrorCategory.InvalidArgument,
                $"RIDE_PORT is '{text}'; it must be a port number between 1024 and 65535, or unset.", text);
        }

        return port;
    }

    /// <summary>
    /// What every sandbox holds before the scenario: pg_stat_statements everywhere (template1 carries it into new
    /// databases), the default database, and Ride's bookkeeping database. The Local engine prepares it once and copies it.
    /// </summary>
    internal static readonly ClusterPreparation Preparation = new(new[]
    {
        new PreparationStep("template1", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"),
        new PreparationStep("postgres", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"),
        new PreparationStep("postgres", $"CREATE DATABASE {Sql.Identifier(ScenarioIds.DefaultDatabase)}"),
        new PreparationStep("postgres", $"CREATE DATABASE {Sql.Identifier(BookkeepingDatabase)}"),
        new PreparationStep(BookkeepingDatabase,
            "CREATE TABLE baseline_backends (pid int PRIMARY KEY, application_name text NOT NULL, datname text, usename text, backend_start timestamptz)"),
    });

    private static async Task CreateRolesAndDatabasesAsync(SessionRecord state, ScenarioDefinition definition, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsSystemAsync(state, "postgres", cancellationToken).ConfigureAwait(false);
        await Database.ExecuteAsync(connection,
            $"CREATE ROLE {Sql.Identifier(state.OperatorRole)} LOGIN SUPERUSER PASSWORD {Sql.Literal(state.OperatorPassword)}", cancellationToken).ConfigureAwait(false);
        foreach (var role in definition.Roles)
        {
            var login = role.Login ? "LOGIN" : "NOLOGIN";
            await Database.ExecuteAsync(connection,
                $"CREATE ROLE {Sql.Identifier(role.Name)} {login} PASSWORD {Sql.Literal(state.RolePasswords[role.Name])}", cancellationToken).ConfigureAwait(false);
        }

        foreach (var database in definition.Databases)
        {
            await Database.ExecuteAsync(connection, $"CREATE DATABASE {Sql.Identifier(database)}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Puts the scenario's roles back as the setup left them: attributes (superuser, connection limit, …),
    /// passwords, settings and memberships. Roles the operator created are left alone.
    /// </summary>
    private static async Task ResetRolesAsync(NpgsqlConnection connection, NpgsqlConnection bookkeeping, SessionRecord state, CancellationToken cancellationToken)
    {
        var statements = new List<string>();
        await using (var roles = new NpgsqlCommand(
            "SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit FROM role_snapshot",
            bookkeeping))
        await using (var reader = await roles.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var name = reader.GetString(0);
                string Flag(int ordinal, string word) => reader.GetBoolean(ordinal) ? word : "NO" + word;
                var password = name == state.OperatorRole ? state.OperatorPassword : state.RolePasswords[name];
                statements.Add($"ALTER ROLE {Sql.Identifier(name)} {Flag(1, "SUPERUSER")} {Flag(2, "INHERIT")} {Flag(3, "CREATEROLE")} "
                               + $"{Flag(4, "CREATEDB")} {Flag(5, "LOGIN")} {Flag(6, "REPLICATION")} {Flag(7, "BYPASSRLS")} "
                               + $"CONNECTION LIMIT {reader.GetInt32(8)} PASSWORD {Sql.Literal(password)}");
                statements.Add($"ALTER ROLE {Sql.Identifier(name)} RESET ALL");
            }
        }

        // Memberships the operator added are revoked, the ones the setup made are granted again.
        await using var memberships = new NpgsqlCommand(
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
            """, bookkeeping);
        await using var membershipReader = await memberships.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await membershipReader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            statements.Add(membershipReader.GetString(0));
        }

        foreach (var statement in statements)
        {
            await Database.ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A copied database gets a fresh owner, ACL and connection options: put back what the setup gave it.</summary>
    private static async Task RestoreDatabaseAttributesAsync(NpgsqlConnection connection, NpgsqlConnection bookkeeping, CancellationToken cancellationToken)
    {
        var statements = new List<string>();
        await using (var command = new NpgsqlCommand(
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
            """, bookkeeping))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                statements.Add(reader.GetString(0));
            }
        }

        foreach (var statement in statements)
        {
            await Database.ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task RestoreSettingsAsync(NpgsqlConnection connection, NpgsqlConnection bookkeeping, CancellationToken cancellationToken)
    {
        var statements = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT datname, rolname, setconfig FROM setting_snapshot", bookkeeping))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
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

                foreach (var setting in reader.GetFieldValue<string[]>(2))
                {
                    var equals = setting.IndexOf('=');
                    statements.Add($"ALTER {target} SET {Sql.Identifier(setting[..equals])} = {Sql.Literal(setting[(equals + 1)..])}");
                }
            }
        }

        foreach (var statement in statements)
        {
            await Database.ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Keeps a pristine copy of every scenario database so Reset can bring it back in one CREATE DATABASE, and the
    /// per-role and per-database settings the setup made, which a database copy does not carry.
    /// </summary>
    private static async Task SnapshotDatabasesAsync(SessionRecord state, ScenarioDefinition definition, CancellationToken cancellationToken)
    {
        await using (var bookkeeping = await Database.OpenAsSystemAsync(state, BookkeepingDatabase, cancellationToken).ConfigureAwait(false))
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
                databases.Parameters.AddWithValue("databases", ScenarioDatabases(definition).ToArray());
                await databases.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await Database.ExecuteAsync(bookkeeping, """
                CREATE TABLE setting_snapshot AS
                SELECT d.datname, r.rolname, s.setconfig
                FROM pg_db_role_setting s
                LEFT JOIN pg_database d ON d.oid = s.setdatabase
                LEFT JOIN pg_roles r ON r.oid = s.setrole
                """, cancellationToken).ConfigureAwait(false);
        }

        // The default strategy (WAL_LOG) here: unlike FILE_COPY it forces no checkpoint, which matters on the way to a first start.
        await using var connection = await Database.OpenAsSystemAsync(state, "postgres", cancellationToken).ConfigureAwait(false);
        foreach (var database in ScenarioDatabases(definition))
        {
            var template = Sql.Identifier(TemplatePrefix + database);
            await Database.ExecuteAsync(connection, $"CREATE DATABASE {template} TEMPLATE {Sql.Identifier(database)}", cancellationToken).ConfigureAwait(false);
            await Database.ExecuteAsync(connection, $"ALTER DATABASE {template} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Actors up, incident applied, baseline recorded, and the first post-incident outcomes logged.</summary>
    private static async Task StartIncidentAsync(ISandboxEngine engine, SessionRecord state, RideScenario scenario,
        IProgress<SandboxProgress> progress, CancellationToken cancellationToken, bool resumeActors = false)
    {
        var definition = scenario.Definition;
        var directory = RidePaths.SessionDirectory(state.SessionId);
        progress.Report(new SandboxProgress("Starting the application actors", 75));
        if (resumeActors)
        {
            ActorLauncher.Resume(directory);
        }
        else
        {
            state.ActorsPid = await ActorLauncher.StartAsync(ActorConfigurationFor(state, definition), paused: false, cancellationToken).ConfigureAwait(false);
            SessionStore.Save(state);
        }

        await WaitForActorsAsync(state, definition.Actors.Where(a => !a.StartAfterIncident), cancellationToken).ConfigureAwait(false);

        progress.Report(new SandboxProgress("Applying the incident", 85));
        await RunScriptAsync(engine, state, scenario.FilePath(definition.Incident), definition.Incident, "IncidentScriptFailed", cancellationToken)
            .ConfigureAwait(false);
        state.IncidentAt = DateTimeOffset.UtcNow;
        await File.WriteAllTextAsync(Path.Combine(directory, ActorFiles.IncidentCue), state.IncidentAt.Value.ToString("O"), cancellationToken)
            .ConfigureAwait(false);
        var lateActors = definition.Actors.Where(a => a.StartAfterIncident && !a.ConnectPerRequest).ToList();
        await WaitForActorsAsync(state, lateActors, cancellationToken).ConfigureAwait(false);
        await WaitForFirstStatementsAsync(state, lateActors, cancellationToken).ConfigureAwait(false);
        await RecordBaselineAsync(state, definition, cancellationToken).ConfigureAwait(false);

        progress.Report(new SandboxProgress("Waiting for the incident to show", 92));
        var deadline = DateTime.UtcNow + IncidentLiveTimeout;
        var loopActors = definition.Actors.Where(a => a.Mode == "loop").Select(a => a.Name).ToHashSet();
        while (loopActors.Count > 0 && DateTime.UtcNow < deadline)
        {
            var seen = AppLog.Read(directory).Where(e => e.Event == "request" && e.Time >= state.IncidentAt).Select(e => e.Actor).ToHashSet();
            if (loopActors.IsSubsetOf(seen))
            {
                break;
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ActorConfiguration ActorConfigurationFor(SessionRecord state, ScenarioDefinition definition)
    {
        var directory = RidePaths.SessionDirectory(state.SessionId);
        return new ActorConfiguration
        {
            SessionDirectory = directory,
            Host = state.Primary.Host,
            Port = state.Primary.Port,
            LogPath = Path.Combine(directory, ActorFiles.AppLog),
            Actors = definition.Actors.Select(a => new ActorSpec
            {
                Name = a.Name,
                ApplicationName = a.ApplicationName,
                Database = a.Database,
                Role = a.Role,
                Password = a.Role == state.OperatorRole ? state.OperatorPassword : state.RolePasswords[a.Role],
                Connections = a.Connections,
                Mode = a.Mode,
                IntervalMs = a.IntervalMs,
                ConnectPerRequest = a.ConnectPerRequest,
                StartAfterIncident = a.StartAfterIncident,
                Reconnect = a.Reconnect,
                Sql = a.Sql,
            }).ToList(),
        };
    }

    /// <summary>
    /// Waits until every steady actor connection has logged its connect. The actors' own log is read, not
    /// pg_stat_activity, so Ride holds no connection of its own while a scenario fills the server's slots.
    /// </summary>
    private static async Task WaitForActorsAsync(SessionRecord state, IEnumerable<ActorDefinition> actors, CancellationToken cancellationToken)
    {
        // Actors that connect per request come and go; only the ones that hold connections can be waited for.
        var steady = actors.Where(a => !a.ConnectPerRequest).ToDictionary(a => a.Name, a => a.Connections);
        var expected = steady.Values.Sum();
        if (expected == 0)
        {
            return;
        }

        var directory = RidePaths.SessionDirectory(state.SessionId);
        var deadline = DateTime.UtcNow + ActorsConnectTimeout;
        var connected = 0;
        var goneChecks = 0;
        while (DateTime.UtcNow < deadline)
        {
            connected = AppLog.Read(directory)
                .Where(e => e.Event == "connect" && e.Ok && steady.ContainsKey(e.Actor))
                .Select(e => (e.Actor, e.Connection))
                .Distinct()
                .Count();
            if (connected >= expected)
            {
                return;
            }

            // A process caught mid-exec can look gone for an instant: only give up when it stays gone.
            goneChecks = ActorLauncher.IsRunning(state.ActorsPid, directory) ? 0 : goneChecks + 1;
            if (goneChecks >= 8)
            {
                break;
            }

            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }

        var output = Path.Combine(directory, ActorFiles.ProcessLog);
        var detail = File.Exists(output) ? LocalEngine.Tail(await File.ReadAllTextAsync(output, cancellationToken).ConfigureAwait(false)) : "";
        var refused = AppLog.Read(directory).LastOrDefault(e => e.Event == "connect" && !e.Ok);
        var reason = refused is null ? "" : $" Last refusal: {refused.Actor}: {refused.SqlState} {refused.Message}";
        if (!ActorLauncher.IsRunning(state.ActorsPid, directory))
        {
            reason += " The actors process exited.";
        }

        throw new RideException("ActorsStartFailed", ErrorCategory.OpenError,
            $"Only {connected} of {expected} application connections came up.{reason} {detail}".Trim(), state.SessionId);
    }

    /// <summary>
    /// Actors that are part of the incident (started after it) must have run their statements, or be queued on a
    /// lock, before the incident counts as live: otherwise a score taken at once could miss the lock they take.
    /// </summary>
    private static async Task WaitForFirstStatementsAsync(SessionRecord state, IReadOnlyCollection<ActorDefinition> actors, CancellationToken cancellationToken)
    {
        if (actors.Count == 0)
        {
            return;
        }

        var directory = RidePaths.SessionDirectory(state.SessionId);
        var names = actors.Select(a => a.Name).ToHashSet();
        var expected = actors.Sum(a => a.Connections);
        await using var connection = await Database.OpenAsSystemAsync(state, "postgres", cancellationToken).ConfigureAwait(false);
        var deadline = DateTime.UtcNow + IncidentLiveTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var log = AppLog.Read(directory).Where(e => names.Contains(e.Actor)).ToList();
            var ran = log.Where(e => e.Event == "request").Select(e => (e.Actor, e.Connection)).ToHashSet();
            var waiting = log.Where(e => e.Event == "connect" && e.Ok && !ran.Contains((e.Actor, e.Connection))).ToList();
            var queued = 0L;
            if (waiting.Count > 0)
            {
                await using var command = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(@pids) AND wait_event_type = 'Lock'", connection);
                command.Parameters.AddWithValue("pids", waiting.Select(e => e.BackendPid).ToArray());
                queued = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            if (ran.Count + queued >= expected)
            {
                return;
            }

            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What Trap checks compare against: the actors' backends at the start of the incident, and clean statistics.</summary>
    private static async Task RecordBaselineAsync(SessionRecord state, ScenarioDefinition definition, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsSystemAsync(state, BookkeepingDatabase, cancellationToken).ConfigureAwait(false);
        await Database.ExecuteAsync(connection, "TRUNCATE baseline_backends", cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(
            """
            INSERT INTO baseline_backends (pid, application_name, datname, usename, backend_start)
            SELECT pid, application_name, datname, usename, backend_start FROM pg_stat_activity
            WHERE application_name = ANY(@names) AND backend_type = 'client backend'
            """, connection))
        {
            command.Parameters.AddWithValue("names", definition.Actors.Where(a => !a.ConnectPerRequest).Select(a => a.ApplicationName).Distinct().ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await Database.ExecuteAsync(connection, "SELECT pg_stat_statements_reset()", cancellationToken).ConfigureAwait(false);
    }

    private static async Task DiscardAsync(ISandboxEngine engine, SessionRecord state, CancellationToken cancellationToken)
    {
        try
        {
            await ActorLauncher.StopAsync(RidePaths.SessionDirectory(state.SessionId), state.ActorsPid, cancellationToken).ConfigureAwait(false);
            foreach (var node in state.Nodes)
            {
                await engine.RemoveNodeAsync(node, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            SessionStore.Delete(state.SessionId);
        }
    }
}
