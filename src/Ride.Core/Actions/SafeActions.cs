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
    public const string RestoreAppPgHba = "restore-app-pg-hba";
    public const string RepointWriteEndpoint = "repoint-write-endpoint";
    public const string ReloadPooler = "reload-pooler";

    /// <summary>Every action, with what it does in the operator's words.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [StartPrimary] = "start the primary's server again on the data it has",
        [StopNode] = "stop a node's server",
        [PromoteReplica] = "promote a replica to be the new primary",
        [WaitForReplicaCatchup] = "wait until a replica has replayed everything its upstream sent",
        [FenceOldPrimary] = "stop the old primary at once and keep it from being started again, so it never takes writes",
        [RestoreAppPgHba] = "rewrite pg_hba.conf from Ride's template and reload",
        [RepointWriteEndpoint] = "point the pooler (the applications' write endpoint) at the current primary and reload it",
        [ReloadPooler] = "make PgBouncer read its configuration again (as RELOAD on its console does)",
    };

    /// <summary>The actions that change the topology or stop a server: asked to confirm with -Confirm, skipped by -WhatIf.</summary>
    public static readonly IReadOnlySet<string> Destructive = new HashSet<string>(StringComparer.Ordinal)
    {
        StopNode, PromoteReplica, FenceOldPrimary, RepointWriteEndpoint,
    };
}
