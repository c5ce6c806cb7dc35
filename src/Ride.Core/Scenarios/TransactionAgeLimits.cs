namespace Ride.Scenarios;

/// <summary>The bounds of scenario.yml's transactionAge.</summary>
internal static class TransactionAgeLimits
{
    public const long Minimum = 1_000_000;

    /// <summary>The largest autovacuum_freeze_max_age: an older database is frozen by autovacuum whatever the settings.</summary>
    public const long Maximum = 2_000_000_000;

    public const long DefaultFreezeMaxAge = 200_000_000;

    /// <summary>The next transaction id goes to the start of a pg_xact segment: one segment holds 1,048,576 transactions' status.</summary>
    public const long Rounding = 8192 * 4 * 32;
}
