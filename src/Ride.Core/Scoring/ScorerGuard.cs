using Npgsql;
using Ride.Common;
using Ride.Engines;
using Ride.Sessions;

namespace Ride.Scoring;

/// <summary>
/// Keeps Ride able to score whatever a fix does to Ride's own things. Before the fix it opens a connection of its own
/// (the guardian) and notes the state of Ride's role, its bookkeeping database, the baseline and the settings Ride
/// relies on; after the fix it puts back anything the fix changed, through the guardian or a fresh login, and reports
/// each change as tampering. When neither works (Ride's role locked and the guardian killed), it says so, and the
/// score is made from what can still be reached.
/// </summary>
internal sealed class ScorerGuard : IAsyncDisposable
{
    /// <summary>The bootstrap superuser: ride_system, whatever a fix renames it to.</summary>
    private const uint BootstrapSuperuser = 10;

    /// <summary>
    /// Settings Ride itself depends on: the format and destination of the server log it parses, the statement
    /// statistics Detect reads, the sockets and logins it connects with. Settings an operator might tune as part of a
    /// fix (max_connections, log levels, work_mem…) are the scenario's to judge, not tampering.
    /// </summary>
    private static readonly string[] WatchedSettings =
    {
        "log_line_prefix", "log_destination", "logging_collector", "log_timezone", "pg_stat_statements.track",
        "listen_addresses", "port", "unix_socket_directories", "unix_socket_permissions", "password_encryption", "hba_file", "ident_file",
    };

    private readonly SessionRecord _state;
    private readonly ISandboxNode _primary;
    private NpgsqlConnection? _guardian;
    private uint _rideDatabase;
    private string? _passwordHash;
    private IReadOnlyList<(int Pid, string Application, string? Database, string? User, DateTime? Start)> _baseline = Array.Empty<(int, string, string?, string?, DateTime?)>();
    private string? _hostBasedAuthentication;
    private bool _baselineKnown;

    private ScorerGuard(SessionRecord state, ISandboxNode primary)
    {
        _state = state;
        _primary = primary;
    }

    /// <summary>Notes how Ride's things stand before a fix. What cannot be read now (a session already damaged) is simply not guarded.</summary>
    public static async Task<ScorerGuard> OpenAsync(SessionRecord state, ISandboxNode primary, SessionConnections connections, CancellationToken cancellationToken)
    {
        var guard = new ScorerGuard(state, primary);
        try
        {
            guard._hostBasedAuthentication = await primary.ReadFileAsync("pg_hba.conf", cancellationToken).ConfigureAwait(false);
            guard._guardian = await connections.OpenSystemAsync("postgres", cancellationToken).ConfigureAwait(false);
            guard._rideDatabase = await SessionConnections.ScalarAsync<uint>(guard._guardian,
                $"SELECT oid FROM pg_database WHERE datname = {Sql.Literal(DatabaseSnapshot.BookkeepingDatabase)}", cancellationToken).ConfigureAwait(false);
            guard._passwordHash = await SessionConnections.ScalarAsync<string>(guard._guardian,
                $"SELECT rolpassword FROM pg_authid WHERE oid = {BootstrapSuperuser}", cancellationToken).ConfigureAwait(false);
            await using var bookkeeping = await connections.OpenSystemAsync(DatabaseSnapshot.BookkeepingDatabase, cancellationToken).ConfigureAwait(false);
            guard._baseline = await ReadBaselineAsync(bookkeeping, cancellationToken).ConfigureAwait(false);
            guard._baselineKnown = true;
        }
        catch (Exception ex) when (ex is NpgsqlException or RideException or IOException)
        {
            // Reported after the fix, when the repair finds it cannot get in.
        }

        return guard;
    }

    /// <summary>Puts back what the fix changed of Ride's; returns one line per change (empty when the fix left Ride alone).</summary>
    public async Task<IReadOnlyList<string>> RepairAsync(CancellationToken cancellationToken)
    {
        var findings = new List<string>();
        var connection = await UsableGuardianAsync(cancellationToken).ConfigureAwait(false) ?? await FreshLoginAsync(findings, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return findings;
        }

        // A role the fix took superuser from keeps its sessions but not its powers: the operator's login does the repair.
        if (!await SessionConnections.ScalarAsync<bool>(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user", cancellationToken).ConfigureAwait(false))
        {
            if (connection != _guardian)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            connection = await SessionConnections.OpenDetachedAsync(_state, _state.OperatorRole, "postgres", cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await RepairRoleAsync(connection, findings, cancellationToken).ConfigureAwait(false);
            await RepairDatabaseAsync(connection, findings, cancellationToken).ConfigureAwait(false);
            await RepairSettingsAsync(connection, findings, cancellationToken).ConfigureAwait(false);
            await RepairBaselineAsync(findings, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (connection != _guardian)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }

        return findings;
    }

    public async ValueTask DisposeAsync()
    {
        if (_guardian is not null)
        {
            await _guardian.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<NpgsqlConnection?> UsableGuardianAsync(CancellationToken cancellationToken)
    {
        if (_guardian is null)
        {
            return null;
        }

        try
        {
            await SessionConnections.ExecuteAsync(_guardian, "SELECT 1", cancellationToken).ConfigureAwait(false);
            return _guardian;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // Terminated by the fix (a "kill every session" fix does that): a fresh login has to do.
            return null;
        }
    }

    /// <summary>
    /// A new connection as ride_system, else as the operator role (a superuser Ride also holds the password of); when both
    /// logins are refused, pg_hba.conf is put back as it was before the fix and they are tried again.
    /// </summary>
    private async Task<NpgsqlConnection?> FreshLoginAsync(List<string> findings, CancellationToken cancellationToken)
    {
        if (await TryLoginAsync(cancellationToken).ConfigureAwait(false) is { Connection: { } connection })
        {
            return connection;
        }

        var current = await _primary.ReadFileAsync("pg_hba.conf", cancellationToken).ConfigureAwait(false);
        if (_hostBasedAuthentication is not null && current != _hostBasedAuthentication && await _primary.IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            await _primary.WriteFileAsync("pg_hba.conf", _hostBasedAuthentication, cancellationToken).ConfigureAwait(false);
            await _primary.ReloadAsync(cancellationToken).ConfigureAwait(false);
            findings.Add("pg_hba.conf was changed so that Ride could not log in; it was put back as it was before the fix");
        }

        var (again, refusal) = await TryLoginAsync(cancellationToken).ConfigureAwait(false);
        if (again is null)
        {
            findings.Add($"Ride could not log in after the fix ({refusal}), and the fix ended Ride's own connection. "
                         + "The checks that need Ride's role were not scored; Reset rebuilds the sandbox.");
        }

        return again;
    }

    /// <summary>Ride's role first, then the operator's; the refusal of Ride's own login when neither gets in.</summary>
    private async Task<(NpgsqlConnection? Connection, string Refusal)> TryLoginAsync(CancellationToken cancellationToken)
    {
        string? refusal = null;
        foreach (var role in new[] { _state.SuperUser, _state.OperatorRole })
        {
            try
            {
                return (await SessionConnections.OpenDetachedAsync(_state, role, "postgres", cancellationToken).ConfigureAwait(false), "");
            }
            catch (NpgsqlException ex)
            {
                refusal ??= ex is PostgresException pg ? $"{pg.SqlState} {pg.MessageText}" : ex.Message;
            }
        }

        return (null, refusal ?? "");
    }

    private async Task RepairRoleAsync(NpgsqlConnection connection, List<string> findings, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT rolname, rolsuper, rolcanlogin, rolconnlimit, coalesce(rolvaliduntil::text, ''), rolpassword,
                   (SELECT count(*) FROM pg_db_role_setting WHERE setrole = a.oid)
            FROM pg_authid a WHERE oid = {BootstrapSuperuser}
            """, connection);
        string name;
        var changes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            name = reader.GetString(0);
            if (name != _state.SuperUser)
            {
                changes.Add($"renamed to {name}");
            }

            if (!reader.GetBoolean(1))
            {
                changes.Add("made NOSUPERUSER");
            }

            if (!reader.GetBoolean(2))
            {
                changes.Add("made NOLOGIN");
            }

            if (reader.GetInt32(3) != -1)
            {
                changes.Add($"given CONNECTION LIMIT {reader.GetInt32(3)}");
            }

            if (reader.GetString(4) is { Length: > 0 } until && until != "infinity")
            {
                changes.Add($"made VALID UNTIL {until}");
            }

            if (_passwordHash is not null && (reader.IsDBNull(5) ? null : reader.GetString(5)) != _passwordHash)
            {
                changes.Add("given another password");
            }

            if (reader.GetInt64(6) > 0)
            {
                changes.Add("given role settings (ALTER ROLE … SET)");
            }
        }

        if (changes.Count == 0)
        {
            return;
        }

        var role = Sql.Identifier(_state.SuperUser);
        if (name != _state.SuperUser)
        {
            // A session cannot rename its own user, and the guardian is ride_system: the operator's login renames it back.
            await using var other = await SessionConnections.OpenDetachedAsync(_state, _state.OperatorRole, "postgres", cancellationToken).ConfigureAwait(false);
            await SessionConnections.ExecuteAsync(other, $"ALTER ROLE {Sql.Identifier(name)} RENAME TO {role}", cancellationToken).ConfigureAwait(false);
        }

        await SessionConnections.ExecuteAsync(connection, "SET password_encryption = 'scram-sha-256'", cancellationToken).ConfigureAwait(false);
        await SessionConnections.ExecuteAsync(connection,
            $"ALTER ROLE {role} SUPERUSER LOGIN CONNECTION LIMIT -1 VALID UNTIL 'infinity' PASSWORD {Sql.Literal(_state.SuperPassword)}", cancellationToken)
            .ConfigureAwait(false);
        foreach (var database in await SessionConnections.ColumnAsync(connection,
                     $"SELECT coalesce((SELECT datname FROM pg_database WHERE oid = setdatabase), '') FROM pg_db_role_setting WHERE setrole = {BootstrapSuperuser}",
                     cancellationToken).ConfigureAwait(false))
        {
            var scope = database.Length > 0 ? $" IN DATABASE {Sql.Identifier(database)}" : "";
            await SessionConnections.ExecuteAsync(connection, $"ALTER ROLE {role}{scope} RESET ALL", cancellationToken).ConfigureAwait(false);
        }

        findings.Add($"Ride's role {_state.SuperUser} was {string.Join(", ", changes)}");
    }

    private async Task RepairDatabaseAsync(NpgsqlConnection connection, List<string> findings, CancellationToken cancellationToken)
    {
        var bookkeeping = Sql.Literal(DatabaseSnapshot.BookkeepingDatabase);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT datname, datallowconn, datconnlimit, (SELECT count(*) FROM pg_db_role_setting WHERE setdatabase = d.oid)
            FROM pg_database d WHERE oid = {_rideDatabase}
            """, connection);
        var changes = new List<string>();
        string? name = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                name = reader.GetString(0);
                if (name != DatabaseSnapshot.BookkeepingDatabase)
                {
                    changes.Add($"renamed to {name}");
                }

                if (!reader.GetBoolean(1))
                {
                    changes.Add("closed to connections");
                }

                if (reader.GetInt32(2) != -1)
                {
                    changes.Add($"given CONNECTION LIMIT {reader.GetInt32(2)}");
                }

                if (reader.GetInt64(3) > 0)
                {
                    changes.Add("given settings (ALTER DATABASE … SET)");
                }
            }
        }

        var database = Sql.Identifier(DatabaseSnapshot.BookkeepingDatabase);
        if (name is null && _rideDatabase == 0)
        {
            return;
        }

        if (name is null)
        {
            // Dropped: made again, empty; the baseline goes back in below, the snapshot's own tables are gone until a Reset rebuilds.
            await SessionConnections.ExecuteAsync(connection, $"CREATE DATABASE {database}", cancellationToken).ConfigureAwait(false);
            _rideDatabase = await SessionConnections.ScalarAsync<uint>(connection, $"SELECT oid FROM pg_database WHERE datname = {bookkeeping}", cancellationToken)
                .ConfigureAwait(false);
            findings.Add($"Ride's database {DatabaseSnapshot.BookkeepingDatabase} was dropped");
            return;
        }

        if (changes.Count == 0)
        {
            return;
        }

        if (name != DatabaseSnapshot.BookkeepingDatabase)
        {
            await SessionConnections.ExecuteAsync(connection, $"ALTER DATABASE {Sql.Identifier(name)} RENAME TO {database}", cancellationToken).ConfigureAwait(false);
        }

        await SessionConnections.ExecuteAsync(connection, $"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS true CONNECTION LIMIT -1", cancellationToken)
            .ConfigureAwait(false);
        await SessionConnections.ExecuteAsync(connection, $"ALTER DATABASE {database} RESET ALL", cancellationToken).ConfigureAwait(false);
        findings.Add($"Ride's database {DatabaseSnapshot.BookkeepingDatabase} was {string.Join(", ", changes)}");
    }

    private static async Task RepairSettingsAsync(NpgsqlConnection connection, List<string> findings, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT name FROM pg_file_settings WHERE sourcefile LIKE '%postgresql.auto.conf' AND name = ANY(@watched) ORDER BY name", connection);
        command.Parameters.AddWithValue("watched", WatchedSettings);
        var changed = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                changed.Add(reader.GetString(0));
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        foreach (var name in changed)
        {
            await SessionConnections.ExecuteAsync(connection, $"ALTER SYSTEM RESET {Sql.Identifier(name)}", cancellationToken).ConfigureAwait(false);
        }

        await SessionConnections.ExecuteAsync(connection, "SELECT pg_reload_conf()", cancellationToken).ConfigureAwait(false);
        findings.Add("settings Ride relies on were changed with ALTER SYSTEM: " + string.Join(", ", changed));
    }

    /// <summary>The baseline is what Trap checks compare against: when the fix emptied or dropped it, it goes back as it was.</summary>
    private async Task RepairBaselineAsync(List<string> findings, CancellationToken cancellationToken)
    {
        if (!_baselineKnown)
        {
            return;
        }

        var connections = new SessionConnections(_state);
        await using var bookkeeping = await connections.OpenSystemAsync(DatabaseSnapshot.BookkeepingDatabase, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<(int Pid, string Application, string? Database, string? User, DateTime? Start)> now;
        try
        {
            now = await ReadBaselineAsync(bookkeeping, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            now = Array.Empty<(int, string, string?, string?, DateTime?)>();
            await SessionConnections.ExecuteAsync(bookkeeping, DatabaseSnapshot.BaselineTable, cancellationToken).ConfigureAwait(false);
        }

        if (now.SequenceEqual(_baseline))
        {
            return;
        }

        await SessionConnections.ExecuteAsync(bookkeeping, "TRUNCATE baseline_backends", cancellationToken).ConfigureAwait(false);
        foreach (var row in _baseline)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO baseline_backends (pid, application_name, datname, usename, backend_start) VALUES (@pid, @app, @db, @user, @start)", bookkeeping);
            insert.Parameters.AddWithValue("pid", row.Pid);
            insert.Parameters.AddWithValue("app", row.Application);
            insert.Parameters.AddWithValue("db", (object?)row.Database ?? DBNull.Value);
            insert.Parameters.AddWithValue("user", (object?)row.User ?? DBNull.Value);
            insert.Parameters.AddWithValue("start", (object?)row.Start ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        findings.Add("Ride's record of the application sessions at the start of the incident was changed");
    }

    private static async Task<IReadOnlyList<(int, string, string?, string?, DateTime?)>> ReadBaselineAsync(NpgsqlConnection bookkeeping, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT pid, application_name, datname, usename, backend_start FROM baseline_backends ORDER BY pid", bookkeeping);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(int, string, string?, string?, DateTime?)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDateTime(4)));
        }

        return rows;
    }
}
