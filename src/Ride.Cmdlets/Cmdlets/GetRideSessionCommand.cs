using System.Management.Automation;
using Ride.Common;
using Ride.Sessions;

namespace Ride.Cmdlets;

/// <summary>Lists Ride sessions with their live status, from any pwsh process.</summary>
[Cmdlet(VerbsCommon.Get, "RideSession")]
[OutputType(typeof(RideSession))]
public sealed class GetRideSessionCommand : RideCmdlet
{
    /// <summary>Session id or wildcard.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public string? Id { get; set; }

    protected override void ProcessRecord() => Guarded(() =>
    {
        var pattern = Id is null ? null : new WildcardPattern(Id, WildcardOptions.IgnoreCase);
        var matched = false;
        var health = new SessionHealth(Context);
        foreach (var state in Context.Sessions.LoadAll())
        {
            if (pattern is not null && !pattern.IsMatch(state.SessionId))
            {
                continue;
            }

            matched = true;
            var (status, nodes) = Run(token => health.DescribeAsync(state, token));
            WriteObject(new RideSession(state, status, nodeStatus: nodes));
        }

        if (!matched && Id is not null && !WildcardPattern.ContainsWildcardCharacters(Id))
        {
            WriteError(ToErrorRecord(new RideException("SessionNotFound", RideErrorCategory.ObjectNotFound,
                $"No Ride session has the id '{Id}'. Run Get-RideSession to list them.", Id)));
        }
    });
}
