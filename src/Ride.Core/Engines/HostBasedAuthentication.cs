namespace Ride.Engines;

/// <summary>
/// The pg_hba.conf Ride writes on every node, whatever the engine or image made: password logins only, for clients and
/// for replication, so replicas can be copied and stream, and a restore-app-pg-hba action has one template to go back to.
/// </summary>
public static class HostBasedAuthentication
{
    /// <summary>Local: everything comes in through the server's socket (the operator's port is relayed to it).</summary>
    public const string Local =
        "# Ride sandbox: password logins over the server's socket only (the operator's port is relayed to it)\n"
        + "local all all scram-sha-256\n"
        + "local replication all scram-sha-256\n";

    /// <summary>Docker: the published port (on 127.0.0.1 of this machine) and the session network.</summary>
    public const string Docker =
        "# Ride sandbox: password logins only, over the socket, the published port and the session network\n"
        + "local all all scram-sha-256\n"
        + "host all all all scram-sha-256\n"
        + "host replication all all scram-sha-256\n";
}
