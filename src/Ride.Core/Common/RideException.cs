namespace Ride.Common;

/// <summary>
/// What kind of failure a <see cref="RideException"/> is. The names match PowerShell's ErrorCategory, so the
/// cmdlets map one onto the other by name; the core itself knows nothing of PowerShell.
/// </summary>
public enum RideErrorCategory
{
    NotSpecified,
    ConnectionError,
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    InvalidResult,
    NotInstalled,
    ObjectNotFound,
    OpenError,
    OperationTimeout,
    PermissionDenied,
    ResourceExists,
    ResourceUnavailable,
    SecurityError,
    WriteError,
}

/// <summary>
/// A failure the user can act on. Cmdlets turn it into an ErrorRecord with the same stable id and category;
/// the core never writes to a pipeline itself.
/// </summary>
public sealed class RideException : Exception
{
    public RideException(string errorId, RideErrorCategory category, string message, object? target = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Category = category;
        Target = target;
    }

    public string ErrorId { get; }

    public RideErrorCategory Category { get; }

    public object? Target { get; }
}
