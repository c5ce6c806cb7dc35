using System.Globalization;

namespace Ride.Engines;

/// <summary>How replicas are made and named, the same on every engine.</summary>
public static class Replication
{
    /// <summary>
    /// pg_basebackup as an operator runs it to make a standby: a fast checkpoint, WAL streamed alongside, -R writing
    /// standby.signal and a primary_conninfo that names the replica (its application_name in pg_stat_replication), and
    /// with -C -S the replica's own slot created on the upstream.
    /// </summary>
    public static IReadOnlyList<string> BaseBackupArguments(string replica, string dataDirectory, Endpoint upstream, NodeRequest request)
    {
        var arguments = new List<string>
        {
            "--pgdata=" + dataDirectory,
            "--write-recovery-conf",
            "--wal-method=stream",
            "--checkpoint=fast",
            "--no-sync",
            "--dbname=" + string.Join(' ',
                "host=" + upstream.Host,
                "port=" + upstream.Port.ToString(CultureInfo.InvariantCulture),
                "user=" + request.SuperUser,
                "application_name=" + replica),
        };
        if (request.Slot)
        {
            arguments.Add("--create-slot");
            arguments.Add("--slot=" + SlotName(replica));
        }

        return arguments;
    }

    /// <summary>A replica's slot on its upstream is named after it.</summary>
    public static string SlotName(string node) => node;
}
