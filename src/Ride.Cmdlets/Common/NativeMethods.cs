using System.Runtime.InteropServices;

namespace Ride.Common;

internal static partial class NativeMethods
{
    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint geteuid();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    public static uint GetEuid() => OperatingSystem.IsWindows() ? uint.MaxValue : geteuid();

    /// <summary>True when a process with this pid exists (signal 0 probes without touching it).</summary>
    public static bool ProcessExists(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            try
            {
                using var p = System.Diagnostics.Process.GetProcessById(pid);
                return !p.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        if (kill(pid, 0) == 0)
        {
            return !IsZombie(pid);
        }

        // EPERM: it exists but belongs to someone else.
        return Marshal.GetLastWin32Error() == 1;
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static void Terminate(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                using var p = System.Diagnostics.Process.GetProcessById(pid);
                p.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
            }

            return;
        }

        kill(pid, 15);
    }

    public static void Kill(int pid)
    {
        if (!OperatingSystem.IsWindows())
        {
            kill(pid, 9);
        }
        else
        {
            Terminate(pid);
        }
    }
}
