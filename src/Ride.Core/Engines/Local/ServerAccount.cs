using System.Globalization;
using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>
/// The account a Local sandbox's server runs as. Run as root, Ride uses a dedicated system account named 'ride' that
/// it creates with no home and no shell, never 'postgres' (which owns the machine's own clusters) or any other
/// account that owns something. Run as anyone else, the server runs as that user, inside its jail.
/// </summary>
public sealed record ServerAccount(string Name, uint Uid, uint Gid, bool SwitchUser)
{
    public const string DedicatedName = "ride";

    public static async Task<ServerAccount> ResolveAsync(CancellationToken cancellationToken)
    {
        if (!RidePaths.IsRoot)
        {
            var name = (await ProcessRunner.RunAsync("id", new[] { "-un" }, cancellationToken).ConfigureAwait(false)).StandardOutput.Trim();
            return new ServerAccount(name, NativeMethods.GetEuid(), NativeMethods.GetEgid(), SwitchUser: false);
        }

        var found = await LookUpAsync(DedicatedName, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            var add = await ProcessRunner.RunAsync("useradd",
                new[] { "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", DedicatedName },
                cancellationToken).ConfigureAwait(false);
            found = await LookUpAsync(DedicatedName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                throw new RideException("SandboxBootFailed", RideErrorCategory.PermissionDenied,
                    $"PostgreSQL refuses to run as root, and creating the dedicated account '{DedicatedName}' failed: {add.StandardError.Trim()} "
                    + $"Create a system account named '{DedicatedName}' (useradd --system --user-group {DedicatedName}), or run Ride as a normal user.",
                    DedicatedName);
            }
        }

        if (found.Value.Uid == 0)
        {
            throw new RideException("SandboxBootFailed", RideErrorCategory.SecurityError,
                $"The account '{DedicatedName}' has uid 0; the sandbox server must run as an unprivileged account.", DedicatedName);
        }

        return new ServerAccount(DedicatedName, found.Value.Uid, found.Value.Gid, SwitchUser: true);
    }

    /// <summary>Runs a tool as this account (directly when Ride already runs as it).</summary>
    public Task<ProcessResult> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        if (!SwitchUser)
        {
            return ProcessRunner.RunAsync(tool, arguments, cancellationToken, workingDirectory: "/");
        }

        return ProcessRunner.RunAsync("setpriv",
            new[]
            {
                "--reuid=" + Uid.ToString(CultureInfo.InvariantCulture), "--regid=" + Gid.ToString(CultureInfo.InvariantCulture),
                "--clear-groups", "--inh-caps=-all", tool,
            }.Concat(arguments),
            cancellationToken, workingDirectory: "/");
    }

    /// <summary>Hands a file or folder (recursively) to this account; nothing to do when Ride runs as it.</summary>
    public async Task GiveAsync(string path, CancellationToken cancellationToken)
    {
        if (!SwitchUser)
        {
            return;
        }

        var chown = await ProcessRunner.RunAsync("chown",
            new[] { "-R", Uid.ToString(CultureInfo.InvariantCulture) + ":" + Gid.ToString(CultureInfo.InvariantCulture), path },
            cancellationToken).ConfigureAwait(false);
        if (!chown.Succeeded)
        {
            throw new RideException("SandboxBootFailed", RideErrorCategory.PermissionDenied,
                $"Could not hand '{path}' to the server account '{Name}': {chown.StandardError.Trim()}", path);
        }
    }

    private static async Task<(uint Uid, uint Gid)?> LookUpAsync(string name, CancellationToken cancellationToken)
    {
        var uid = await ProcessRunner.RunAsync("id", new[] { "-u", name }, cancellationToken).ConfigureAwait(false);
        var gid = await ProcessRunner.RunAsync("id", new[] { "-g", name }, cancellationToken).ConfigureAwait(false);
        return uid.Succeeded && gid.Succeeded
               && uint.TryParse(uid.StandardOutput.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var u)
               && uint.TryParse(gid.StandardOutput.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var g)
            ? (u, g)
            : null;
    }
}
