namespace Ride.Engines.Docker;

/// <summary>The labels on everything Ride makes on a Docker engine: it lists and removes only what carries them.</summary>
public static class DockerLabels
{
    public const string Managed = "ride.managed";
    public const string Session = "ride.session";
    public const string Node = "ride.node";
    public const string Version = "ride.version";

    public static readonly string RideVersion = typeof(DockerLabels).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static Dictionary<string, string> For(string sessionId, string? nodeName = null)
    {
        var labels = new Dictionary<string, string>
        {
            [Managed] = "true",
            [Session] = sessionId,
            [Version] = RideVersion,
        };
        if (nodeName is not null)
        {
            labels[Node] = nodeName;
        }

        return labels;
    }

    /// <summary>A filter that matches one session's objects and nobody else's.</summary>
    public static IDictionary<string, IDictionary<string, bool>> SessionFilter(string sessionId) =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [Managed + "=true"] = true, [Session + "=" + sessionId] = true },
        };
}
