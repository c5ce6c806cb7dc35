using System.Collections.Concurrent;
using System.Management.Automation;
using Ride.Common;
using Ride.Sandbox;
using Ride.Sessions;

namespace Ride.Cmdlets;

/// <summary>
/// Shared plumbing: a cancellation token cancelled by Ctrl+C, async core calls run to completion while progress is
/// written on the pipeline thread, and RideExceptions turned into ErrorRecords with their stable ids.
/// </summary>
public abstract class RideCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private static int _nextActivityId = 1;

    protected CancellationToken CancellationToken => _cancellation.Token;

    protected override void StopProcessing() => _cancellation.Cancel();

    public void Dispose()
    {
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs core work and waits for it, writing its progress reports as they arrive. The bar is always completed.</summary>
    protected T Run<T>(string activity, Func<IProgress<SandboxProgress>, CancellationToken, Task<T>> work)
    {
        var reports = new BlockingCollection<SandboxProgress>();
        var progress = new QueueProgress(reports);
        var task = Task.Run(async () =>
        {
            try
            {
                return await work(progress, _cancellation.Token).ConfigureAwait(false);
            }
            finally
            {
                reports.CompleteAdding();
            }
        });

        var activityId = Interlocked.Increment(ref _nextActivityId);
        var shown = false;
        try
        {
            foreach (var report in reports.GetConsumingEnumerable())
            {
                shown = true;
                WriteProgress(new ProgressRecord(activityId, activity, report.Status) { PercentComplete = Math.Clamp(report.PercentComplete, 0, 100) });
            }
        }
        finally
        {
            if (shown)
            {
                WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (Npgsql.PostgresException ex)
        {
            throw new RideException("PostgresError", ErrorCategory.InvalidOperation,
                $"The sandbox's PostgreSQL server refused a request: {ex.SqlState} {ex.MessageText}", ex.SqlState, ex);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            throw new RideException("ServerUnreachable", ErrorCategory.ConnectionError,
                $"Could not talk to the sandbox's PostgreSQL server: {ex.Message} Get-RideSession shows whether the session is still running.", null, ex);
        }
    }

    protected T Run<T>(Func<CancellationToken, Task<T>> work) => Run("Ride", (_, token) => work(token));

    protected ErrorRecord ToErrorRecord(RideException ex) => new(ex, ex.ErrorId, ex.Category, ex.Target);

    protected void ThrowRide(RideException ex) => ThrowTerminatingError(ToErrorRecord(ex));

    /// <summary>The session a command acts on: the one named, else the single live one.</summary>
    protected SessionRecord ResolveSession(SessionArgument? argument)
    {
        if (argument is not null)
        {
            return SessionStore.Load(argument.Id);
        }

        var all = SessionStore.LoadAll().Where(s => s.Status != SessionStatus.Starting).ToList();
        if (all.Count == 1)
        {
            return all[0];
        }

        if (all.Count == 0)
        {
            throw new RideException("NoSession", ErrorCategory.ObjectNotFound,
                "No Ride session is running. Start one with Start-RideScenario <id> (Get-RideScenario lists them).", null);
        }

        var live = all.Where(s => Run(token => SessionManager.StatusAsync(s, token)) == SessionStatus.Running).ToList();
        if (live.Count == 1)
        {
            return live[0];
        }

        throw new RideException("SessionAmbiguous", ErrorCategory.InvalidArgument,
            "Several Ride sessions are live; say which with -Session: "
            + string.Join(", ", all.Select(s => $"{s.SessionId} ({s.ScenarioId})")) + ".", null);
    }

    /// <summary>Remembers that a Ride command was used, as Detect evidence.</summary>
    protected void RecordCommandUse(SessionRecord state)
    {
        var name = MyInvocation.MyCommand.Name;
        if (!state.CommandsUsed.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            SessionStore.Update(state.SessionId, s =>
            {
                if (!s.CommandsUsed.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    s.CommandsUsed.Add(name);
                }
            });
        }
    }

    private sealed class QueueProgress : IProgress<SandboxProgress>
    {
        private readonly BlockingCollection<SandboxProgress> _queue;

        public QueueProgress(BlockingCollection<SandboxProgress> queue) => _queue = queue;

        public void Report(SandboxProgress value)
        {
            if (!_queue.IsAddingCompleted)
            {
                _queue.TryAdd(value);
            }
        }
    }
}
