using System.Management.Automation;

namespace Ride.Common;

/// <summary>
/// A failure the user can act on. Cmdlets turn it into an ErrorRecord with the same
/// stable id and category; the core never writes to the pipeline itself.
/// </summary>
public sealed class RideException : Exception
{
    public RideException(string errorId, ErrorCategory category, string message, object? target = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Category = category;
        Target = target;
    }

    public string ErrorId { get; }

    public ErrorCategory Category { get; }

    public object? Target { get; }
}
