using Ride.Common;

namespace Ride.Engines;

/// <summary>What sets a PgBouncer node apart from a database node, for every engine.</summary>
public static class PoolerNodes
{
    /// <summary>A pooler runs no PostgreSQL programs and has no data directory: SQL for a server goes to a database node.</summary>
    public static RideException NotADatabase(NodeRecord node) =>
        new("NodeNotDatabase", RideErrorCategory.InvalidOperation,
            $"Node {node.Name} is PgBouncer in front of {node.Upstream}: it runs no PostgreSQL programs. Run SQL on a database node, "
            + $"or connect to the pooler's console (database '{PgBouncer.ConsoleDatabase}') for SHOW POOLS and friends.", node.Name);
}
