using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>Finds PgBouncer for Local pooler nodes: RIDE_PGBOUNCER, then PATH, then where Debian's package puts it.</summary>
public static class PgBouncerProgram
{
    private static readonly string[] UsualPlaces = { "/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer", "/usr/local/sbin/pgbouncer" };

    public static string Find(RideOptions options)
    {
        if (options.PgBouncer is { } configured)
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw NotFound($"{RideOptions.PgBouncerVariable} is '{configured}', which does not exist.", configured);
        }

        return PostgresBinaries.OnPath(options, "pgbouncer") ?? UsualPlaces.FirstOrDefault(File.Exists)
               ?? throw NotFound("PgBouncer was not found on PATH or in " + string.Join(", ", UsualPlaces.Select(Path.GetDirectoryName).Distinct()) + ".", "pgbouncer");
    }

    private static RideException NotFound(string what, string target) =>
        new("PgBouncerNotFound", RideErrorCategory.NotInstalled,
            what + " This drill puts PgBouncer in front of its database. Install it (Debian/Ubuntu: 'sudo apt-get install pgbouncer'; "
                 + "Fedora: 'sudo dnf install pgbouncer'; macOS: 'brew install pgbouncer'), set RIDE_PGBOUNCER to the program, "
                 + "or use the Docker engine (-Engine Docker).", target);
}
