using System.Globalization;
using Ride.Common;
using Ride.Engines;
using Ride.Scenarios;

namespace Ride.Sessions;

/// <summary>
/// Ages a seed's databases for real: with the server stopped, pg_resetwal moves the next transaction id on by the age
/// (to the start of a fresh pg_xact segment, which is written as zeroes, as pg_resetwal's documentation asks), then every
/// database but the aged ones is frozen with VACUUM FREEZE. age(datfrozenxid) is then the age for the aged databases
/// and near zero for the rest, and Reset's templates, taken afterwards, carry it.
/// </summary>
internal static class TransactionAgeing
{
    public const long TransactionsPerSegment = TransactionAgeLimits.Rounding;

    /// <summary>The epoch and transaction id pg_resetwal is given, and the pg_xact segment file that must exist for it.</summary>
    internal sealed record Target(uint Epoch, uint TransactionId, string Segment);

    /// <summary>Where the next transaction id goes for a server whose current one (txid_current, with its epoch) is <paramref name="current"/>.</summary>
    internal static Target TargetFor(long current, long age)
    {
        var next = (current + age + TransactionsPerSegment - 1) / TransactionsPerSegment * TransactionsPerSegment;
        if ((next & 0xFFFFFFFFL) < TransactionsPerSegment)
        {
            // The first segment of an epoch holds the special transaction ids 0 to 2: start one segment later.
            next += TransactionsPerSegment;
        }

        var id = (uint)(next & 0xFFFFFFFFL);
        return new Target((uint)(next >> 32), id, (id / TransactionsPerSegment).ToString("X4", CultureInfo.InvariantCulture));
    }

    /// <summary>The shell script run on the stopped server's data directory ($PGDATA), as the server's account.</summary>
    internal static string ScriptFor(Target target) =>
        string.Create(CultureInfo.InvariantCulture,
            $"pg_resetwal -e {target.Epoch} -x {target.TransactionId} \"$PGDATA\" && dd if=/dev/zero of=\"$PGDATA/pg_xact/{target.Segment}\" bs=262144 count=1 2>/dev/null");

    public static async Task ApplyAsync(ISandboxNode node, SessionConnections connections, TransactionAgeDefinition aged, CancellationToken cancellationToken)
    {
        long current;
        await using (var connection = await connections.OpenSystemAsync("postgres", cancellationToken).ConfigureAwait(false))
        {
            current = await SessionConnections.ScalarAsync<long>(connection, "SELECT txid_current()", cancellationToken).ConfigureAwait(false);
        }

        await node.RunStoppedAsync(ScriptFor(TargetFor(current, aged.Age)), cancellationToken).ConfigureAwait(false);

        var agedList = "ARRAY[" + string.Join(", ", aged.Databases.Select(Sql.Literal)) + "]::text[]";
        IReadOnlyList<string> others;
        IReadOnlyList<string> closed;
        await using (var connection = await connections.OpenSystemAsync("postgres", cancellationToken).ConfigureAwait(false))
        {
            others = await SessionConnections.ColumnAsync(connection, $"SELECT datname FROM pg_database WHERE datname <> ALL({agedList}) ORDER BY datname",
                cancellationToken).ConfigureAwait(false);
            closed = await SessionConnections.ColumnAsync(connection, $"SELECT datname FROM pg_database WHERE datname <> ALL({agedList}) AND NOT datallowconn",
                cancellationToken).ConfigureAwait(false);
            await AllowConnectionsAsync(connection, closed, true, cancellationToken).ConfigureAwait(false);
        }

        // template0 takes no connections: it is opened for its freeze only, as the documentation's wraparound advice does.
        foreach (var database in others)
        {
            await using var connection = await connections.OpenSystemAsync(database, cancellationToken).ConfigureAwait(false);
            await SessionConnections.ExecuteAsync(connection, "VACUUM (FREEZE)", cancellationToken).ConfigureAwait(false);
        }

        await using (var connection = await connections.OpenSystemAsync("postgres", cancellationToken).ConfigureAwait(false))
        {
            await AllowConnectionsAsync(connection, closed, false, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task AllowConnectionsAsync(Npgsql.NpgsqlConnection connection, IEnumerable<string> databases, bool allow, CancellationToken cancellationToken)
    {
        foreach (var database in databases)
        {
            await SessionConnections.ExecuteAsync(connection, $"ALTER DATABASE {Sql.Identifier(database)} WITH ALLOW_CONNECTIONS {(allow ? "true" : "false")}",
                cancellationToken).ConfigureAwait(false);
        }
    }
}
