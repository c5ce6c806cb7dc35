namespace Ride.Actions;

/// <summary>
/// The operations that are not SQL (start a stopped primary, promote a replica, restore pg_hba.conf…), by the names a
/// scenario allows them under. Only these exist: a scenario, an operator or a fix file can name nothing else.
/// </summary>
public static class SafeActions
{
    public const string StartPrimary = "start-primary";
    public const string StopNode = "stop-node";
    public const string PromoteReplica = "promote-replica";
    public const string WaitForReplicaCatchup = "wait-for-replica-catchup";
    public const string FenceOldPrimary = "fence-old-primary";
    public const string RepointWriteEndpoint = "repoint-write-endpoint";
    public const string RestoreAppPgHba = "restore-app-pg-hba";
    public const string ReloadPooler = "reload-pooler";

    /// <summary>Every action, with what it does in the operator's words.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [StartPrimary] = "start the primary's server again on the data it has",
        [StopNode] = "stop a node's server",
        [PromoteReplica] = "promote a replica to be the new primary",
        [WaitForReplicaCatchup] = "wait until a replica has replayed everything its upstream sent",
        [FenceOldPrimary] = "keep the old primary from accepting writes again",
        [RepointWriteEndpoint] = "point the applications' write endpoint at the current primary",
        [RestoreAppPgHba] = "rewrite pg_hba.conf from Ride's template and reload",
        [ReloadPooler] = "make the pooler read its configuration again",
    };
}
