using Ride.Sessions;

namespace Ride.Cmdlets;

/// <summary>What -Session accepts: a RideSession from the pipeline, or a session id (typed, or bound from a SessionId property).</summary>
public sealed class SessionArgument
{
    public SessionArgument(RideSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Id = session.SessionId;
    }

    public SessionArgument(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id.Trim();
    }

    public string Id { get; }

    public override string ToString() => Id;
}
