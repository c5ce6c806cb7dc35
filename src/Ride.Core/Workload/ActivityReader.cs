using Npgsql;
using Ride.Sessions;

namespace Ride.Workload;

/// <summary>Reads client backends from pg_stat_activity, leaving out Ride's own connections.</summary>
public static class ActivityReader
{
    private const string Query = """
        SELECT pid, datname, usename, coalesce(application_name, ''), client_addr::text, state, wait_event_type, wait_event,
               pg_blocking_pids(pid), backend_start, xact_start, query_start, state_change, backend_xmin::text, query
        FROM pg_stat_activity
        WHERE backend_type = 'client backend'
          AND pid <> pg_backend_pid()
          AND usename IS DISTINCT FROM @system
          AND application_name NOT LIKE 'ride-replay %'
        ORDER BY application_name, pid
        """;

    public static async Task<IReadOnlyList<RideActivity>> ReadAsync(SessionRecord state, CancellationToken cancellationToken, string? node = null)
    {
        var connections = new SessionConnections(state);
        await using var connection = await connections.OpenSystemAsync("postgres", cancellationToken, node).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.AddWithValue("system", state.SuperUser);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<RideActivity>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new RideActivity
            {
                SessionId = state.SessionId,
                Node = state.Node(node).Name,
                Pid = reader.GetInt32(0),
                Database = NullableString(reader, 1),
                UserName = NullableString(reader, 2),
                ApplicationName = reader.GetString(3),
                ClientAddress = NullableString(reader, 4),
                State = NullableString(reader, 5),
                WaitEventType = NullableString(reader, 6),
                WaitEvent = NullableString(reader, 7),
                BlockedBy = reader.IsDBNull(8) ? Array.Empty<int>() : reader.GetFieldValue<int[]>(8),
                BackendStart = NullableTime(reader, 9),
                TransactionStart = NullableTime(reader, 10),
                QueryStart = NullableTime(reader, 11),
                StateChange = NullableTime(reader, 12),
                BackendXmin = NullableString(reader, 13),
                Query = NullableString(reader, 14),
            });
        }

        return rows;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTime? NullableTime(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDateTime(ordinal);
}
